using System.Buffers;
using System.Text.RegularExpressions;
using CellRadar.Core.Annotation;
using CellRadar.Core.Catalog;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Extraction;

/// <summary>
/// Decides events: for each sentence, frames from cues (<see cref="FrameBuilder"/>), arguments bound
/// (<see cref="ArgumentBinder"/>), dates attached, then one event per (product, kind, jurisdiction[,
/// designation]) per item (<see cref="EventMerger"/>).
/// </summary>
public sealed partial class EventExtractor(ReferenceCatalog catalog) : IPipelineComponent
{
    private readonly ArgumentBinder _binder = new(catalog);

    public string Name => "extract";
    public IReadOnlyList<string> Needs { get; } = [Layer.CleanText, Layer.Published, Layer.Sentences, Layer.Mentions];
    public IReadOnlyList<string> Adds { get; } = [Layer.Events];

    public void Process(Document document)
    {
        var doc = new DocumentState(document.Text, document.Mentions, document.Sentences);
        var found = new List<BoundEvent>();
        var mentions = document.Mentions;
        var m = 0;
        Mention? answerDate = null;
        Mention? headingDate = null;
        var inForwardLooking = false;
        var forwardLooking = ForwardLookingAt(document.Text);
        var nextForwardLooking = 0;
        // Most sentences hold no cue: their mentions are gathered in one reused list, and only a sentence
        // that goes on to the rules gets a list of its own.
        var inside = new List<Mention>();
        for (var i = 0; i < document.Sentences.Count; i++)
        {
            var carried = answerDate;
            answerDate = null;
            var span = document.Sentences[i];
            // "**July.** PTC's Upstaza received EU approval": a month heading dates the acts of its
            // paragraph that carry no date of their own; a new line ends the paragraph.
            var newParagraph = i == 0 || document.Text.AsSpan(document.Sentences[i - 1].End, span.Start - document.Sentences[i - 1].End).Contains('\n');
            if (newParagraph)
            {
                headingDate = HeadingDate(document, span);
                inForwardLooking = false;
            }
            // "This press release contains forward-looking statements, including statements regarding ... regulatory
            // approval ...": a wire release's safe-harbour paragraph lists hopes and risks, never acts.
            while (nextForwardLooking < forwardLooking.Count && forwardLooking[nextForwardLooking] < span.Start) nextForwardLooking++;
            if (inForwardLooking || nextForwardLooking < forwardLooking.Count && forwardLooking[nextForwardLooking] < span.End)
            {
                inForwardLooking = true;
                continue;
            }
            while (m < mentions.Count && mentions[m].Start < span.Start) m++;
            inside.Clear();
            var hasCue = false;
            for (var k = m; k < mentions.Count && mentions[k].Start < span.End; k++)
            {
                if (mentions[k].End > span.End) continue;
                inside.Add(mentions[k]);
                hasCue |= mentions[k].Type is MentionType.Cue or MentionType.Designation;
            }
            // "When did China approve its first CAR-T? In June 2021. The NMPA approved ...": an answer that is
            // only a date dates the act stated in the sentence right after it.
            if (!hasCue && inside.Count == 1 && inside[0].Type == MentionType.Date && DateOnlyAnswer().IsMatch(document.Text.AsSpan(span.Start, span.Length)))
            {
                answerDate = inside[0];
                continue;
            }
            if (!hasCue)
            {
                Sequel(document, span, inside, i, found);
                continue;
            }
            if (NotAStatement(document.Text, span)) continue;
            var s = new SentenceContext(document.Text, span, new List<Mention>(inside), i);
            var frames = FrameBuilder.Build(s);
            if (frames.Count == 0) continue;
            var dates = DateAssignment.Assign(s, frames);
            if (carried is not null)
                foreach (var f in frames)
                    if (dates[f].Count == 0) dates[f].Add(carried);
            if (headingDate is not null)
                foreach (var f in frames)
                    if (dates[f].Count == 0) dates[f].Add(headingDate);
            foreach (var f in frames) Bind(document, s, f, doc, dates, found);
        }
        TableRule.Find(document, catalog, found);
        TrialReportedAsApproval(document.Text, found);
        foreach (var e in EventMerger.Merge(found)) document.Events.Add(ToEvent(document, e));
    }

    private void Bind(Document document, SentenceContext s, Frame f, DocumentState doc, Dictionary<Frame, List<Mention>> dates, List<BoundEvent> output)
    {
        var products = _binder.Products(f, s, doc);
        // "approved the following three products:" and then one product per numbered or bulleted line.
        if (products.Count == 0 && EndsWithColon(s)) products = ListedProducts(document, s.Span.End);
        // "The opinions adopted at the meeting will now be sent to the European Commission for the adoption of
        // decisions": each product given a positive opinion in the item awaits its Commission decision.
        if (products.Count == 0 && f.Kind == EventKind.Approval && f.Status == EventStatus.Expected && OpinionsReferred().IsMatch(s.Text.AsSpan(s.Span.Start, s.Span.Length)))
        {
            foreach (var o in output.Where(e => e.Kind == EventKind.Opinion && e.Status == EventStatus.Occurred && e.Jurisdiction == "EU").Select(e => (e.Product, e.ProductIsNew)).Distinct().ToList())
                output.Add(new BoundEvent(o.Product, o.ProductIsNew, EventKind.Approval, "", "EU", "European Commission", null, 0, EventStatus.Expected, s.Span, 0.6, s.Index, true));
            return;
        }
        if (products.Count == 0) return;
        var places = _binder.Jurisdictions(f, s, doc);
        var ownDated = OwnDatedPlaces(s, f, places);
        GappedAgencies(s, f, places, ownDated);
        if (places.Count == 0) return;
        var own = (dates.GetValueOrDefault(f) ?? []).OrderBy(d => d.Start).ToList();
        var respectively = s.Has(CueType.Respectively) && places.Count > 1 && own.Count == places.Count;
        // "The FDA and the European Commission approved Casgevy in December 2023 and February 2024": places listed
        // before the act and as many dates listed after it pair up in order, as with "respectively".
        respectively |= places.Count > 1 && own.Count == places.Count && places.All(p => p.Source is { } source && source.End <= f.Anchor.Start)
                        && own.All(d => d.Start >= f.Anchor.End);
        // "Kymriah and Yescarta were approved in Japan in March 2019 and January 2021, respectively": listed products
        // in one place take the listed dates in order.
        var productsRespectively = s.Has(CueType.Respectively) && places.Count == 1 && products.Count > 1 && own.Count == products.Count
                                   && products.All(p => !p.ByReference);
        var quoted = InQuote(s, f.Anchor.Start);
        var lead = s.Index <= 2;
        for (var pi = 0; pi < places.Count; pi++)
        {
            var (code, agency, explicitPlace, _) = places[pi];
            if (!Jurisdiction.TryParse(code, out _)) continue;
            // With several dates tied to one cue, the one closest to it ("founded in 2016, got the news
            // on Friday: the FDA approved" is Friday's).
            var dateMention = ownDated.GetValueOrDefault(pi) ?? (respectively ? own[pi]
                : PlaceDate(places, pi, own) ?? NearestDate(s, f, own));
            PartialDate? date = null;
            var rank = 0;
            if (dateMention is not null)
            {
                var iso = f.Status == EventStatus.Expected ? dateMention.Detail : dateMention.Key;
                if (PartialDate.TryParse(iso, out var d)) { date = d; rank = IsBackground(s, f) ? 0 : 2; }
            }
            else if (f.Status == EventStatus.Occurred && document.Published is { } published && IsNewsAct(s, f, lead))
            {
                date = published;
                rank = 1;
            }
            if (f.Kind == EventKind.Access) agency = "";
            for (var qi = 0; qi < products.Count; qi++)
            {
                var (product, isNew, byReference, distance) = products[qi];
                if (productsRespectively && PartialDate.TryParse(f.Status == EventStatus.Expected ? own[qi].Detail : own[qi].Key, out var listed))
                    (date, rank) = (listed, IsBackground(s, f) ? 0 : 2);
                var confidence = f.CueStrength
                    + (explicitPlace && agency.Length > 0 ? 0.05 : 0)
                    - (byReference ? 0.12 : Math.Min(distance, 15) * 0.008)
                    - (quoted ? 0.08 : 0)
                    - (explicitPlace ? 0 : 0.12)
                    + (lead ? 0.03 : 0)
                    - (isNew ? 0.05 : 0);
                output.Add(new BoundEvent(product, isNew, f.Kind, f.Subtype, code, agency, date, rank, f.Status,
                    s.Span, Math.Clamp(Math.Round(confidence, 2), 0.05, 0.99), s.Index, byReference));
            }
        }
    }

    /// <summary>
    /// "The NMPA approved Yikaida in June 2021. JW's Carteyva followed in September 2021.": in a roundup, a
    /// product that "followed" or "joined it" right after a stated approval took the same step in the same
    /// place, on the date of its own sentence. Only an approval that occurred carries over, only from the
    /// sentence just before, and only when the sentence names exactly one product and no cue of its own.
    /// </summary>
    private static void Sequel(Document document, TextSpan span, List<Mention> inside, int index, List<BoundEvent> found)
    {
        if (found.Count == 0 || found[^1].SentenceIndex != index - 1) return;
        Mention? product = null;
        Mention? date = null;
        foreach (var m in inside)
        {
            if (m.Type == MentionType.Product)
            {
                if (product is not null && product.Key != m.Key) return;
                product ??= m;
            }
            else if (m.Type == MentionType.Date) date ??= m;
        }
        if (product is null) return;
        var verb = SequelVerb().Match(document.Text, product.End, Math.Min(span.End, product.End + 80) - product.End);
        if (!verb.Success) return;
        var previous = found.Where(e => e.SentenceIndex == index - 1 && e.Kind == EventKind.Approval && e.Status == EventStatus.Occurred && !e.ProductByReference).ToList();
        if (previous.Count == 0 || previous.Exists(e => e.Product == product.Key)) return;
        var places = previous.Select(e => (e.Jurisdiction, e.Agency)).Distinct().ToList();
        if (places.Count != 1) return;
        PartialDate? when = date is not null && PartialDate.TryParse(date.Key, out var d) ? d : null;
        found.Add(new BoundEvent(product.Key, product.Detail == "new", EventKind.Approval, "", places[0].Jurisdiction, places[0].Agency,
            when, when is null ? 0 : 2, EventStatus.Occurred, span, 0.6, index, false));
    }

    // "followed in September", "followed suit on 3 May", "joined it in February 2024", "came next".
    [GeneratedRegex(@"\G[^.;:]{0,60}?\b(?:followed(?:\s+suit)?|joined\s+(?:it|them|the\s+list)|came\s+next)\b(?!\s+(?:by|up|the|a|an|its|their)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SequelVerb();

    /// <summary>
    /// "Qiansheng gets China go-ahead for mesothelin CAR-T" over a story of an implied IND approval: a nod, a
    /// go-ahead or a green light that names no marketing word, or a headline "approval" with none, is the trial
    /// authorisation the item reports for the same product and place, not a second, marketing approval.
    /// </summary>
    private static void TrialReportedAsApproval(string text, List<BoundEvent> found)
    {
        found.RemoveAll(e => e.Kind == EventKind.Approval && e.Status == EventStatus.Occurred
            && found.Exists(t => t.Kind == EventKind.TrialAuthorization && t.Product == e.Product && t.Jurisdiction == e.Jurisdiction)
            && (InformalNod().IsMatch(text.AsSpan(e.Evidence.Start, e.Evidence.Length)) && !MarketingWord().IsMatch(text.AsSpan(e.Evidence.Start, e.Evidence.Length))
                // "Jeonbuk Biotherapeutics Wins MFDS Approval for CAR-NK JNB-2" over a story of its IND: a headline's
                // "approval" with no marketing word is the trial authorisation the body reports.
                || e.SentenceIndex <= 1 && !StrictMarketingWord().IsMatch(text.AsSpan(e.Evidence.Start, e.Evidence.Length))));
    }

    [GeneratedRegex(@"\b(?:marketing|market|launch|commercial\w*|registration|registered|licen[cs]e|sale|sales|conditional|accelerated|label|indication|NDA|BLA|MAA)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrictMarketingWord();

    [GeneratedRegex(@"\b(?:go-?ahead|nod|green[\s-]?light|green-?lit|thumbs\s+up|okay|clear(?:ed|s|ance))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InformalNod();

    [GeneratedRegex(@"\b(?:approv\w*|authori[sz]\w*|marketing|market|launch|commercial|registration|licen[cs]e|sale)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarketingWord();

    private static bool EndsWithColon(SentenceContext s) => s.Text.AsSpan(s.Span.Start, s.Span.Length).TrimEnd().EndsWith(':');

    /// <summary>
    /// The products of the list right after an introducing sentence: the first product named on each
    /// numbered or bulleted line, until the first line that is not a list item.
    /// </summary>
    private static List<(string Product, bool IsNew, bool ByReference, int Distance)> ListedProducts(Document document, int from)
    {
        var result = new List<(string, bool, bool, int)>();
        var text = document.Text;
        var pos = text.IndexOf('\n', from);
        var mentions = document.Mentions;
        var m = 0;
        while (pos >= 0 && pos < text.Length)
        {
            var start = pos + 1;
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text.AsSpan(start, end - start);
            if (line.IsWhiteSpace()) { pos = end; continue; }
            if (!ListItem().IsMatch(line)) break;
            while (m < mentions.Count && mentions[m].Start < start) m++;
            for (var k = m; k < mentions.Count && mentions[k].Start < end; k++)
            {
                if (mentions[k].Type != MentionType.Product) continue;
                var key = mentions[k].Key;
                if (!result.Exists(r => r.Item1 == key)) result.Add((key, mentions[k].Detail == "new", false, 6));
                break;
            }
            pos = end;
        }
        return result;
    }

    [GeneratedRegex(@"^\s*(?:\d{1,2}[.)]|[-•*])\s", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    /// <summary>
    /// The month a roundup's paragraph opens with ("**July.**", "- **November:**", "- March 2025:"), resolved
    /// against the publication date as a past month (a year-in-review of December 2022 means July 2022);
    /// null when the sentence does not open with one or the item has no date to place a bare month.
    /// </summary>
    private static Mention? HeadingDate(Document document, TextSpan span)
    {
        var match = MonthHeading().Match(document.Text, span.Start, span.Length);
        if (!match.Success) return null;
        var month = Array.IndexOf(MonthNames, match.Groups["m"].Value.ToLowerInvariant()) + 1;
        int year;
        if (match.Groups["y"].Success) year = int.Parse(match.Groups["y"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        else if (document.Published is { } published)
            year = published.Month > 0 && month > published.Month ? published.Year - 1 : published.Year;
        else return null;
        var iso = PartialDate.OfMonth(year, month).ToString();
        var g = match.Groups["m"];
        return new Mention(MentionType.Date, new TextSpan(g.Index, g.Index + g.Length), iso, iso);
    }

    private static readonly string[] MonthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    [GeneratedRegex(@"\G(?:[-•*]\s+)?(?:(?<em>\*\*|__)\s*(?<m>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?<y>(?:19|20)\d\d))?\s*[.:]?\s*\k<em>|[-•*]\s+(?<m>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?<y>(?:19|20)\d\d))?\s*:)", RegexOptions.CultureInvariant)]
    private static partial Regex MonthHeading();

    /// <summary>
    /// "approved in the US ..., as well as in Japan (September 2023), China (January 2024) and the United
    /// Kingdom (August 2024)": in a sentence stating an approval, each place followed by its own date in
    /// brackets is an approval there on that date. Such places are added to <paramref name="places"/>; the
    /// result maps their index to their date.
    /// </summary>
    private Dictionary<int, Mention> OwnDatedPlaces(SentenceContext s, Frame f, List<(string Code, string Agency, bool Explicit, Mention? Source)> places)
    {
        var result = new Dictionary<int, Mention>();
        if (f.Kind != EventKind.Approval || f.Status != EventStatus.Occurred) return result;
        Mention? previous = null;
        foreach (var m in s.Mentions)
        {
            if (m.Type == MentionType.Date && previous is { Type: MentionType.Jurisdiction } j
                && OpenBracket().IsMatch(s.Text.AsSpan(j.End, m.Start - j.End)) && m.End < s.Text.Length && CloseBracket().IsMatch(s.After(m.End, 3, s.Span.End))
                && !ArgumentBinder.NamesActorsNotPlace(s.Text, j))
            {
                result[PlaceIndex(places, j.Key, catalog.RegulatorOf(j.Key), j)] = m;
            }
            previous = m;
        }
        return result;
    }

    /// <summary>
    /// "The FDA approved it in July 2024, Japan's MHLW in September 2024, the UK's MHRA in October 2024 and China's
    /// NMPA in December 2024": after the act and its date, agencies each followed by "in"/"on" and a date of their
    /// own repeat the act (the verb is left out). Each such agency is added to <paramref name="places"/> with its date.
    /// </summary>
    private void GappedAgencies(SentenceContext s, Frame f, List<(string Code, string Agency, bool Explicit, Mention? Source)> places, Dictionary<int, Mention> dated)
    {
        if (f.Status != EventStatus.Occurred || !s.Of(MentionType.Agency).Any(a => a.Start > f.Anchor.End)) return;
        Mention? previousDate = null;
        Mention? agency = null;
        foreach (var m in s.Mentions)
        {
            if (m.Start < f.Anchor.End) continue;
            if (m.Type == MentionType.Date)
            {
                if (agency is not null && previousDate is not null && InOn().IsMatch(s.Text.AsSpan(agency.End, m.Start - agency.End))
                    && GapSeparator().IsMatch(s.Text.AsSpan(previousDate.End, Math.Max(0, StartOfName(s, agency) - previousDate.End))))
                {
                    dated.TryAdd(PlaceIndex(places, agency.Detail, agency.Key, agency), m);
                }
                else if (agency is not null) return;
                previousDate = m;
                agency = null;
            }
            else if (m.Type == MentionType.Agency && previousDate is not null) agency = m;
            // Another product after the first date starts another statement: the list is over.
            else if (m.Type == MentionType.Product && previousDate is not null) return;
        }
    }

    /// <summary>The index of the place with this code, added as an explicit place when the sentence's binding did not find it.</summary>
    private static int PlaceIndex(List<(string Code, string Agency, bool Explicit, Mention? Source)> places, string code, string agency, Mention source)
    {
        var index = places.FindIndex(p => p.Code == code);
        if (index >= 0) return index;
        places.Add((code, agency, true, source));
        return places.Count - 1;
    }

    /// <summary>Where an agency's name begins, with the place written before it ("Japan's Ministry ...", "the UK's MHRA").</summary>
    private static int StartOfName(SentenceContext s, Mention agency)
    {
        var place = s.Of(MentionType.Jurisdiction).LastOrDefault(j => j.End <= agency.Start && agency.Start - j.End <= 3);
        return place?.Start ?? agency.Start;
    }

    [GeneratedRegex(@"^\s+(?:in|on)\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex InOn();

    [GeneratedRegex(@"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GapSeparator();

    [GeneratedRegex(@"^\s*\(\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenBracket();

    [GeneratedRegex(@"^\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex CloseBracket();

    /// <summary>
    /// Of several dates tied to one cue, the one stated after it ("granted on February 23"), when close,
    /// else the closest ("founded in 2016, got the news on Friday: the FDA approved").
    /// </summary>
    private static Mention? NearestDate(SentenceContext s, Frame f, List<Mention> dates)
    {
        if (dates.Count <= 1) return dates.FirstOrDefault();
        var after = dates.Where(d => d.Start >= f.Anchor.End && s.Distance(d, f.Anchor) <= 8).OrderBy(d => d.Start).FirstOrDefault();
        return after ?? dates.OrderBy(d => s.Distance(d, f.Anchor)).First();
    }

    /// <summary>
    /// Places listed with dates of their own ("in Canada and the UK in the second half of 2024 and in
    /// Australia in 2025"): each place takes the first date after it.
    /// </summary>
    private static Mention? PlaceDate(List<(string Code, string Agency, bool Explicit, Mention? Source)> places, int index, List<Mention> dates)
    {
        if (places.Count < 2 || dates.Count < 2 || places[index].Source is not { } place) return null;
        return dates.Where(d => d.Start >= place.End).OrderBy(d => d.Start).FirstOrDefault();
    }

    /// <summary>
    /// An act with no date of its own takes the publication date when it is the item's news (rule 3):
    /// reported with "today"/"has", or in the lead; a background mention ("previously approved",
    /// "following approval in China") takes none.
    /// </summary>
    private static bool IsNewsAct(SentenceContext s, Frame f, bool lead)
    {
        if (IsBackground(s, f)) return false;
        if (lead) return true;
        // Past the lead, a bare perfect ("CRV-18 has been granted RMAT designation" in a release about its EU
        // approval) states a standing fact, not the item's news; "today", "announced", "this week", a weekday do.
        return s.Cues(CueType.NewsAct).Any(c => !PerfectAuxiliary().IsMatch(s.TextOf(c)));
    }

    /// <summary>"previously approved", "approved in the US since 2017", "is also approved in Japan": background, not the news.</summary>
    private static bool IsBackground(SentenceContext s, Frame f)
    {
        var clause = s.ClauseAt(f.Anchor.Start);
        // "had been granted on February 23" reports the act in the past perfect; "had" alone is no background.
        if (s.Cues(CueType.Background).Any(b => clause.Contains(b.Start) && b.End <= f.Anchor.Start + 40
            && !s.TextOf(b).StartsWith("had", StringComparison.OrdinalIgnoreCase))) return true;
        return Stative().IsMatch(s.Before(f.Anchor.Start, 30, clause.Start));
    }

    /// <summary>
    /// Questions ("RMAT designation - is it worth the paperwork?") and programme lines ("09:45 Panel: Lessons
    /// from the eque-cel approvals") name events without stating them.
    /// </summary>
    private static bool NotAStatement(string text, TextSpan sentence)
    {
        var s = text.AsSpan(sentence.Start, sentence.Length).TrimEnd();
        if (s.EndsWith('?')) return true;
        // "- Abecma label expansion delayed (18 December 2023)": a link in a related-stories list.
        if (LinkListLine().IsMatch(s) || ReadMore().IsMatch(s) || BylineStamp().IsMatch(s) || TableOfContents().IsMatch(s)) return true;
        if (!AgendaLine().IsMatch(s)) return false;
        // "09:44 AM EDT, 06/28/2024 -- Iovance said ...": a wire timestamp, not a programme slot.
        return !WireTimestamp().IsMatch(s);
    }

    private static bool InQuote(SentenceContext s, int position)
    {
        var before = s.Text.AsSpan(s.Span.Start, position - s.Span.Start);
        var open = before.Count('\u201C') + before.Count('"');
        var close = before.Count('\u201D');
        return open > close || s.Text[s.Span.Start] is '\u201C' or '"';
    }

    private RegulatoryEvent ToEvent(Document document, BoundEvent e)
    {
        var entry = catalog.ProductsByCanonical.GetValueOrDefault(e.Product);
        var sponsor = entry is null ? SponsorNear(document, e.Evidence) : entry.Holders.GetValueOrDefault(e.Jurisdiction) ?? entry.Sponsor;
        var evidence = e.Evidence;
        return new RegulatoryEvent
        {
            Product = e.Product,
            ProductIsNew = entry is null,
            Kind = e.Kind,
            Subtype = e.Subtype,
            Jurisdiction = Jurisdiction.Parse(e.Jurisdiction),
            Agency = e.Agency,
            Date = e.Date,
            Status = e.Status,
            Sponsor = sponsor,
            Indication = IndicationIn(document.Text, evidence),
            Evidence = evidence,
            EvidenceText = document.Text[evidence.Start..evidence.End],
            Confidence = e.Confidence,
            ExtractorVersion = ExtractorInfo.Version,
        };
    }

    private static string SponsorNear(Document document, TextSpan evidence)
    {
        var m = CompanyName().Match(document.Text, evidence.Start, evidence.Length);
        if (!m.Success) m = CompanyName().Match(document.Text);
        return m.Success ? m.Value.Trim() : "";
    }

    private static string IndicationIn(string text, TextSpan evidence)
    {
        var m = Indication().Match(text, evidence.Start, evidence.Length);
        return m.Success ? WhiteSpace().Replace(m.Value, " ") : "";
    }

    [GeneratedRegex(@"\b(?:[A-Z][\w&.-]*\s+){1,3}(?:Therapeutics|Biotherapeutics|Biotechnology|Biotech|Pharmaceuticals?|Pharma|Biosciences|Biologics|Biopharma|Biopharmaceuticals|Oncology|Medicines|Cell\s+Therapy|Inc\.?|Ltd\.?|Co\.,?\s+Ltd\.?|Corporation|AG|SA|plc)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CompanyName();

    [GeneratedRegex(@"\b(?:(?:relapsed|refractory|relapsed(?:\s+and/or\s+|\s+or\s+|\s+and\s+|/)refractory|r/r)\s+(?:[A-Za-z-]+\s+){0,4}?(?:lymphoma|leuka?emia|myeloma)|(?:large\s+B-cell|follicular|mantle\s+cell|marginal\s+zone)\s+lymphoma|multiple\s+myeloma|acute\s+lymphoblastic\s+leuka?emia|chronic\s+lymphocytic\s+leuka?emia|sickle\s+cell\s+disease|(?:transfusion-dependent\s+)?beta[- ]thalass(?:a)?emia|spinal\s+muscular\s+atrophy|ha?emophilia\s+[AB]|Duchenne\s+muscular\s+dystrophy|synovial\s+sarcoma|melanoma|systemic\s+lupus\s+erythematosus|lupus|myasthenia\s+gravis|graft-versus-host\s+disease|metachromatic\s+leukodystrophy|cerebral\s+adrenoleukodystrophy|retinal\s+dystrophy|epidermolysis\s+bullosa|gastric\s+cancer|non-muscle\s+invasive\s+bladder\s+cancer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Indication();

    // "is now approved" reports a change (the news), not a standing fact.
    [GeneratedRegex(@"\b(?:is|are|remains|remain|was\s+already|were\s+already)\s+(?:also\s+|already\s+|currently\s+|still\s+|fully\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Stative();

    [GeneratedRegex(@"^(?:\d{1,2}[:.]\d{2}\s*(?:[-–]\s*\d{1,2}[:.]\d{2}\s*)?(?:am|pm|AM|PM)?\b|.{0,20}\b(?:Panel|Roundtable|Session|Keynote|Workshop|Webinar|Fireside\s+chat|Breakout|Masterclass)\s*:)", RegexOptions.CultureInvariant)]
    private static partial Regex AgendaLine();

    // "- Abecma label expansion delayed (18 December 2023)", "Celltrion wins EU nod for denosumab biosimilar (2026.07.11)".
    [GeneratedRegex(@"^[-•*·]\s.*\(\s*(?:\d{1,2}\s+)?\p{L}+\.?\s+\d{4}\s*\)$|^[-•*·]\s.*\(\s*\d{4}\s*\)$|^[-•*·]\s.*\(\s*\p{L}+\.?\s+\d{1,2},?\s+\d{4}\s*\)$|^[-•*·]\s.*[–|-]\s*\d{1,2}\s+\p{L}+\s+\d{4}$|\(\s*(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex LinkListLine();

    /// <summary>"Reporter (kbpn@...) | Approved 2025.08.12 10:21": an editor's time stamp in a byline, not a regulator's act.</summary>
    [GeneratedRegex(@"\b(?:Approved|Published|Updated|Posted|Modified|Input|Edited|Registered)\s*:?\s*\d{4}[./-]\d{1,2}[./-]\d{1,2}\.?\s+\d{1,2}:\d{2}|@[\w-]+\.[\w.-]+.*\|", RegexOptions.CultureInvariant)]
    private static partial Regex BylineStamp();

    private static readonly SearchValues<string> ForwardLookingWords = SearchValues.Create(
        ["forward-looking statement", "forward looking statement", "safe harbor", "safe harbour", "Private Securities Litigation Reform Act"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the text names forward-looking statements or a safe harbour: one vectorised pass per item.</summary>
    private static List<int> ForwardLookingAt(string text)
    {
        var at = new List<int>();
        var span = text.AsSpan();
        for (var pos = 0; pos < span.Length;)
        {
            var i = span[pos..].IndexOfAny(ForwardLookingWords);
            if (i < 0) break;
            at.Add(pos + i);
            pos += i + 1;
        }
        return at;
    }

    /// <summary>"In this issue: 1) FDA refuses to file ... 2) Japan designates ...": a newsletter's contents, told below.</summary>
    [GeneratedRegex(@"^(?:In\s+this\s+(?:issue|edition|newsletter|briefing)|Also\s+in\s+this\s+(?:issue|edition)|Inside(?:\s+this\s+(?:issue|edition))?|Today['\u2019]s\s+(?:stories|headlines)|Top\s+stories|Contents)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableOfContents();

    [GeneratedRegex(@"\b(?:the|these|its|their|both)\s+(?:positive\s+)?opinions?\b[^.;]*\bEuropean\s+Commission\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpinionsReferred();

    [GeneratedRegex(@"^(?:Read\s+more|See\s+also|Related(?:\s+stories|\s+articles|\s+news)?|More\s+on\s+this|Also\s+read|Further\s+reading|You\s+may\s+also\s+like)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadMore();

    [GeneratedRegex(@"^\d{1,2}[:.]\d{2}\s*(?:AM|PM|am|pm|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,5})?\s*,?\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}", RegexOptions.CultureInvariant)]
    private static partial Regex WireTimestamp();

    [GeneratedRegex(@"^(?:has|have|has\s+been|have\s+been)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerfectAuxiliary();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^\s*(?:In|On|Since|Back\s+in)?\s*[\w ,]{3,25}?\.\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyAnswer();
}
