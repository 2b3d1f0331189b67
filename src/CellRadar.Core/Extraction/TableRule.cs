using CellRadar.Core.Annotation;
using CellRadar.Core.Catalog;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Extraction;

/// <summary>
/// Reads tables of regulatory milestones written as text rows ("| Kymriah | tisagenlecleucel | August
/// 2017 |" under a header "| product | INN | first US approval |"): the header cell names the kind and
/// often the place, each row names the product and the date. Rows of a timeline table ("| April 2024 |
/// FDA sends a complete response letter |") are ordinary sentences and need nothing here.
/// </summary>
internal static class TableRule
{
    public static void Find(Document document, ReferenceCatalog catalog, List<BoundEvent> output)
    {
        var text = document.Text;
        var lines = new List<TextSpan>();
        var pos = 0;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(pos, end - pos).Trim();
            if (IsRow(line)) lines.Add(new TextSpan(pos, end));
            // The cleaner puts a blank line between paragraphs, rows included.
            else if (line.IsEmpty) { }
            else if (lines.Count > 0) { Table(document, catalog, lines, output); lines.Clear(); }
            pos = end + 1;
        }
        if (lines.Count > 0) Table(document, catalog, lines, output);
    }

    /// <summary>
    /// A table row: "| a | b |" with borders, or a register's plain "Product name | Registrant | Date of
    /// approval" with three cells at least (a share bar "WeChat | Weibo | Print" is one line, never a table).
    /// </summary>
    private static bool IsRow(ReadOnlySpan<char> line)
    {
        if (line.Length > 2 && line[0] == '|' && line[^1] == '|') return true;
        return line.Count('|') >= 2 && line[0] != '|' && line[^1] != '|';
    }

    private static void Table(Document document, ReferenceCatalog catalog, List<TextSpan> rows, List<BoundEvent> output)
    {
        if (rows.Count < 3) return;
        // A register with no place in its header is the list of the agency the page names: "HSA - new
        // registrations" above a table of products and dates of approval.
        var pagePlace = AgencyPlaceBefore(document, rows[0].Start) ?? TitleAgencyPlace(document.Title, catalog) ?? "";
        var header = Cells(document.Text, rows[0]);
        var columns = new List<(int Index, EventKind Kind, string Place)>();
        string? placeColumnKind = null;
        var designation = DesignationNamed(document, rows[0]);
        (int Index, string Subtype, string Place, string Agency)? designationColumn = null;
        var placeColumn = -1;
        for (var c = 0; c < header.Count; c++)
        {
            var cellMentions = MentionsIn(document, header[c]);
            var cue = cellMentions.FirstOrDefault(m => m.Type == MentionType.Cue && m.Key is nameof(CueType.ApprovalNoun) or nameof(CueType.ApproveVerb) or nameof(CueType.Submit) or nameof(CueType.Accept));
            var label = document.Text.AsSpan(header[c].Start, header[c].Length);
            if (label.Contains("country", StringComparison.OrdinalIgnoreCase) || label.Contains("market", StringComparison.OrdinalIgnoreCase)
                || label.Contains("jurisdiction", StringComparison.OrdinalIgnoreCase) || label.Contains("region", StringComparison.OrdinalIgnoreCase))
            {
                placeColumn = c;
                continue;
            }
            // "date of granting", "designation date" under a list of one scheme's designations (PRIME
            // eligibility, RMAT): each row is a grant of that scheme.
            if (cue is null && designation is not null && label.Contains("date", StringComparison.OrdinalIgnoreCase)
                && cellMentions.Exists(m => m.Type == MentionType.Cue && m.Key is nameof(CueType.GrantVerb) or nameof(CueType.DesignationWord)))
            {
                var parts = designation.Detail.Split('|');
                if (parts.Length == 2) designationColumn = (c, designation.Key, parts[0], parts[1]);
                continue;
            }
            if (cue is null) continue;
            var kind = cue.Key switch
            {
                nameof(CueType.Submit) => EventKind.Submission,
                nameof(CueType.Accept) => EventKind.Acceptance,
                _ => EventKind.Approval,
            };
            var place = cellMentions.FirstOrDefault(m => m.Type == MentionType.Jurisdiction)?.Key
                        ?? cellMentions.FirstOrDefault(m => m.Type == MentionType.Agency)?.Detail ?? "";
            columns.Add((c, kind, place));
            placeColumnKind ??= place;
        }
        if (designationColumn is { } dc) Designations(document, rows, header.Count, dc, output);
        if (columns.Count == 0) return;
        foreach (var row in rows.Skip(1))
        {
            var cells = Cells(document.Text, row);
            if (cells.Count != header.Count) continue;
            var rowMentions = MentionsIn(document, row);
            var product = rowMentions.FirstOrDefault(m => m.Type == MentionType.Product);
            if (product is null) continue;
            foreach (var (index, kind, headerPlace) in columns)
            {
                var place = headerPlace;
                if (place.Length == 0 && placeColumn >= 0)
                    place = MentionsIn(document, cells[placeColumn]).FirstOrDefault(m => m.Type == MentionType.Jurisdiction)?.Key ?? "";
                if (place.Length == 0) place = pagePlace;
                if (place.Length == 0) continue;
                var dateMention = MentionsIn(document, cells[index]).FirstOrDefault(m => m.Type == MentionType.Date);
                if (dateMention is null || !PartialDate.TryParse(dateMention.Key, out var date)) continue;
                output.Add(new BoundEvent(product.Key, product.Detail == "new", kind, "", place, catalog.RegulatorOf(place), date, 2,
                    EventStatus.Occurred, row, 0.7, -1, false));
            }
        }
    }

    /// <summary>One designation per row: the row's product, dated by its cell in the designation's date column.</summary>
    private static void Designations(Document document, List<TextSpan> rows, int width, (int Index, string Subtype, string Place, string Agency) column, List<BoundEvent> output)
    {
        for (var r = 1; r < rows.Count; r++)
        {
            var cells = Cells(document.Text, rows[r]);
            if (cells.Count != width) continue;
            var rowMentions = MentionsIn(document, rows[r]);
            var product = rowMentions.FirstOrDefault(m => m.Type == MentionType.Product);
            var dateMention = MentionsIn(document, cells[column.Index]).FirstOrDefault(m => m.Type == MentionType.Date);
            if (product is null || dateMention is null || !PartialDate.TryParse(dateMention.Key, out var date)) continue;
            output.Add(new BoundEvent(product.Key, product.Detail == "new", EventKind.Designation, column.Subtype, column.Place,
                column.Agency, date, 2,
                EventStatus.Occurred, rows[r], 0.7, -1, false));
        }
    }

    /// <summary>The designation a table's header row, or the paragraph just above it, names ("PRIME - list of medicines granted eligibility").</summary>
    private static Mention? DesignationNamed(Document document, TextSpan header)
    {
        var from = Math.Max(0, header.Start - 300);
        Mention? found = null;
        foreach (var m in document.Mentions)
        {
            if (m.Start >= header.End) break;
            if (m.Start >= from && m.Type == MentionType.Designation) found = m;
        }
        return found;
    }

    private static List<TextSpan> Cells(string text, TextSpan row)
    {
        var cells = new List<TextSpan>();
        var first = row.Start;
        while (first < row.End && char.IsWhiteSpace(text[first])) first++;
        // A bordered row opens with a bar; a plain one opens with its first cell and ends with its last.
        var bordered = first < row.End && text[first] == '|';
        var start = bordered ? first + 1 : row.Start;
        while (start < row.End)
        {
            var bar = text.IndexOf('|', start, row.End - start);
            if (bar < 0)
            {
                if (!bordered) cells.Add(new TextSpan(start, row.End));
                break;
            }
            cells.Add(new TextSpan(start, bar));
            start = bar + 1;
        }
        return cells;
    }

    /// <summary>The place of the last agency named in the text above the table ("MFDS approvals:"), if any.</summary>
    private static string? AgencyPlaceBefore(Document document, int tableStart)
    {
        string? place = null;
        foreach (var m in document.Mentions)
        {
            if (m.Start >= tableStart) break;
            if (m.Type == MentionType.Agency && m.Detail.Length > 0) place = m.Detail;
        }
        return place;
    }

    /// <summary>The place of the regulator a page title names by its full name ("Health Sciences Authority - ...").</summary>
    private static string? TitleAgencyPlace(string title, ReferenceCatalog catalog)
    {
        if (title.Length == 0) return null;
        foreach (var a in catalog.Agencies)
            if (a.Name.Length > 0 && title.Contains(a.Name, StringComparison.OrdinalIgnoreCase)) return a.Jurisdiction;
        return null;
    }

    private static List<Mention> MentionsIn(Document document, TextSpan span) =>
        document.Mentions.Where(m => m.Start >= span.Start && m.End <= span.End).ToList();
}
