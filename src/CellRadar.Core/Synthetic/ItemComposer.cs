using System.Globalization;
using System.Text;
using CellRadar.Core.Catalog;
using CellRadar.Core.Evaluation;
using CellRadar.Core.Model;

namespace CellRadar.Core.Synthetic;

/// <summary>
/// Writes one item in one of five outlet layouts: a wire release with a dateline, a trade-press page with
/// furniture around the article, a regulator's notice, a short investor note, or an article with no event.
/// Everything comes from one <see cref="Random"/> seeded by (seed, index), so each item is reproducible on its own.
/// </summary>
internal static class ItemComposer
{
    private static readonly DateOnly FirstDay = new(2016, 1, 4);
    private const int Days = 3800;

    private static readonly string[] Outlets = ["Cell Therapy Wire (example)", "Gene Pipeline Weekly (example)", "Biotech Ledger (example)", "Regulatory Desk (example)", "Oncology Market News (example)"];
    private static readonly string[] WireCities = ["BOSTON", "SHANGHAI", "BASEL, Switzerland", "CAMBRIDGE, Mass.", "SOUTH SAN FRANCISCO, Calif.", "LONDON", "TOKYO", "SEOUL, South Korea", "PHILADELPHIA", "NANJING, China"];

    public static SyntheticItem Compose(SyntheticCast cast, int seed, int index)
    {
        var r = new Random(MixSeed(seed, index));
        var roll = r.Next(100);
        var layout = roll < 30 ? "wire" : roll < 60 ? "trade" : roll < 70 ? "notice" : roll < 80 ? "investor" : "filler";
        var day = FirstDay.AddDays(r.Next(Days));
        var product = cast.Products[r.Next(cast.Products.Length)];
        var longItem = r.Next(20) == 0;
        var page = new Page(cast, r, day, product);
        string? title;
        var metadataDate = false;
        switch (layout)
        {
            case "wire":
                metadataDate = r.Next(10) < 4;
                title = Wire(page, metadataDate);
                break;
            case "trade":
                metadataDate = r.Next(10) < 5;
                title = Trade(page, metadataDate, events: true);
                break;
            case "notice":
                metadataDate = true;
                title = Notice(page);
                break;
            case "investor":
                metadataDate = r.Next(10) < 8;
                title = Investor(page, metadataDate);
                break;
            default:
                metadataDate = r.Next(2) == 0;
                title = Trade(page, metadataDate, events: false);
                break;
        }
        if (longItem)
        {
            // Some pages run long: transcripts, features, pages that kept the comments.
            var extra = 20 + r.Next(25);
            for (var i = 0; i < extra; i++) page.Filler();
        }
        var body = page.Text.ToString();
        if (r.Next(10) == 0) body = body.Replace("\n", "\r\n", StringComparison.Ordinal);
        var outlet = Outlets[r.Next(Outlets.Length)];
        var item = new NewsItem
        {
            Id = $"syn{seed.ToString(CultureInfo.InvariantCulture)}-{index.ToString("D7", CultureInfo.InvariantCulture)}",
            Origin = $"synthetic:{seed.ToString(CultureInfo.InvariantCulture)}/{index.ToString(CultureInfo.InvariantCulture)}",
            Title = title,
            Body = body,
            Url = $"https://news{r.Next(1, 6).ToString(CultureInfo.InvariantCulture)}.example.com/{day.Year.ToString(CultureInfo.InvariantCulture)}/{index.ToString(CultureInfo.InvariantCulture)}",
            Published = metadataDate ? PartialDate.OfDay(day) : null,
            Source = outlet,
        };
        return new SyntheticItem(item, page.Gold, layout);
    }

    /// <summary>A well-spread 32-bit seed for item <paramref name="index"/> of corpus <paramref name="seed"/> (SplitMix64 finaliser).</summary>
    internal static int MixSeed(int seed, int index)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }

    private static string? Wire(Page page, bool metadataDate)
    {
        var r = page.R;
        page.Published = PartialDate.OfDay(page.Day);
        var lead = page.PlantLead();
        var p = page.Product;
        page.Text.Append($"{Wording.Pick(r, WireCities)}, {Wording.WireDay(page.Day)} /{Wording.Pick(r, ["Example Newswire", "Wire Service (example)", "BioWire"])}/ -- ");
        if (lead is not null) page.Text.Append($"{p.Sponsor} today announced that {lead}.");
        else page.Text.Append($"{p.Sponsor} today shared an update on its {Wording.Modality(p)} programme.");
        page.Text.Append(' ').Append(FillerProse.Context(r, p, Wording.Product(r, p))).Append("\n\n");
        if (r.Next(2) == 0) page.EventParagraph();
        page.Paragraph(FillerProse.Quote(r, p));
        var n = 2 + r.Next(4);
        for (var i = 0; i < n; i++) page.Filler();
        page.Paragraph($"About {p.Sponsor}");
        page.Paragraph($"{p.Sponsor} develops cell and gene therapies for cancer and rare diseases from sites in {r.Next(2, 9)} countries. Its medicines have been used to treat more than {r.Next(2, 60)},000 patients.");
        page.Paragraph("Forward-Looking Statements");
        page.Paragraph($"This press release contains forward-looking statements, including statements about the timing of regulatory filings and the commercial potential of {Wording.Product(r, p)}. Such statements are subject to risks and uncertainties, and actual results could differ materially.");
        page.Paragraph($"Media contact: {Wording.Pick(r, FillerProse.FirstNames)} {Wording.Pick(r, FillerProse.LastNames)}, media@company.example.com");
        return metadataDate || r.Next(2) == 0 ? $"{p.Sponsor} announces regulatory update for {Wording.Product(r, p)}" : null;
    }

    private static string? Trade(Page page, bool metadataDate, bool events)
    {
        var r = page.R;
        var p = page.Product;
        var dateline = !metadataDate && r.Next(10) < 6;
        if (metadataDate || dateline) page.Published = PartialDate.OfDay(page.Day);
        var headline = events && r.Next(2) == 0
            ? $"{Wording.Product(r, p)}: what the latest regulatory news means for patients"
            : $"{Wording.Pick(r, ["Inside", "Why investors are watching", "The long road for", "Five questions about"])} {Wording.Product(r, p)}";
        var titleInMetadata = r.Next(10) < 6;
        if (!titleInMetadata) page.Paragraph(headline);
        if (dateline) page.Paragraph($"{Wording.PressDay(page.Day)} | {Wording.Pick(r, ["News", "Analysis", "Cell & Gene Therapy"])}");
        if (r.Next(2) == 0) PageFurniture.Counter(page.Text, r);
        if (events)
        {
            var first = page.EventParagraph(teaser: r.Next(4) == 0);
            if (first is null) page.Filler();
        }
        else
        {
            page.Filler();
        }
        if (r.Next(2) == 0) PageFurniture.Advert(page.Text, r, page.Day);
        var n = 1 + r.Next(3);
        for (var i = 0; i < n; i++) page.Filler();
        if (r.Next(2) == 0) page.Paragraph(FillerProse.Quote(r, p));
        if (events && r.Next(10) < 4) page.EventParagraph(otherProduct: r.Next(2) == 0);
        if (r.Next(2) == 0) PageFurniture.Newsletter(page.Text, r);
        n = 1 + r.Next(5);
        for (var i = 0; i < n; i++) page.Filler();
        if (r.Next(10) < 6) PageFurniture.Share(page.Text, r);
        if (r.Next(10) < 6) PageFurniture.Related(page.Text, r, page.Cast);
        if (r.Next(10) < 3) PageFurniture.AuthorBio(page.Text, r);
        if (r.Next(2) == 0) PageFurniture.Footer(page.Text, r, page.Day);
        return titleInMetadata ? headline : null;
    }

    private static string Notice(Page page)
    {
        var r = page.R;
        page.Published = PartialDate.OfDay(page.Day);
        page.Paragraph(Wording.Pick(r, ["Public notice", "Regulatory announcement", "Notice to industry"]));
        page.EventParagraph();
        var n = 1 + r.Next(2);
        for (var i = 0; i < n; i++) page.Filler();
        page.Paragraph("Product information and a summary of the assessment are published with this notice.");
        page.Paragraph("Enquiries: press office");
        return $"Notice: {Wording.Product(r, page.Product)}";
    }

    private static string Investor(Page page, bool metadataDate)
    {
        var r = page.R;
        var p = page.Product;
        if (metadataDate) page.Published = PartialDate.OfDay(page.Day);
        page.Paragraph($"Shares of {p.Sponsor} {Wording.Pick(r, ["rose", "fell", "were little changed", "jumped"])} {r.Next(1, 19)}% in early trading.");
        page.EventParagraph();
        page.Paragraph($"Analysts at {Wording.Pick(r, ["Example Securities", "Northgate Capital (example)", "Harbour Research (example)"])} kept their rating on the stock and said sales should build gradually over {r.Next(2, 6)} years.");
        if (r.Next(2) == 0) page.Filler();
        return $"{p.Sponsor} stock moves on regulatory news";
    }

    /// <summary>The page being written: its text, its planted events and the publication date the pipeline will see.</summary>
    private sealed class Page(SyntheticCast cast, Random r, DateOnly day, ProductEntry product)
    {
        private readonly List<GoldEvent> _gold = [];

        public SyntheticCast Cast => cast;
        public Random R => r;
        public DateOnly Day => day;
        public ProductEntry Product => product;
        public PartialDate? Published { get; set; }
        public StringBuilder Text { get; } = new(4096);
        public IReadOnlyList<GoldEvent> Gold => _gold;

        public void Paragraph(string text) => Text.Append(text).Append("\n\n");

        public void Filler()
        {
            FillerProse.Paragraph(Text, r, r.Next(3) == 0 ? cast.Products[r.Next(cast.Products.Length)] : product);
            Text.Append("\n\n");
        }

        /// <summary>The lead clause of a wire release, or null when no event could be placed.</summary>
        public string? PlantLead()
        {
            var planted = Plant(product, s => EventPhrasebook.Lead(s, Wording.Pick(r, EventPhrasebook.LeadKinds)));
            return planted?.Sentence;
        }

        /// <summary>A paragraph stating one event, with a sentence of context; null when no event could be placed.</summary>
        public string? EventParagraph(bool teaser = false, bool otherProduct = false)
        {
            var p = otherProduct ? cast.Products[r.Next(cast.Products.Length)] : product;
            var kinds = EventKindNames.All;
            var planted = Plant(p, s => EventPhrasebook.Write(s, kinds[r.Next(kinds.Count)]));
            if (planted is null) return null;
            var paragraph = $"{planted.Sentence} {FillerProse.Context(r, p, Wording.Product(r, p))}";
            // A teaser: the start of the paragraph, cut off, as scrapers keep a page's meta description.
            if (teaser && paragraph.Length > 90) Paragraph(paragraph[..(60 + r.Next(25))].TrimEnd() + "\u2026");
            Paragraph(paragraph);
            return paragraph;
        }

        /// <summary>
        /// Writes an event that does not share product and place with one already planted: two events of one
        /// product in one place (a filing and its acceptance) interact under the contract's merging rules.
        /// </summary>
        private PlantedEvent? Plant(ProductEntry p, Func<EventScene, PlantedEvent> write)
        {
            var scene = new EventScene(r, cast, p, Published, day);
            for (var attempt = 0; attempt < 6; attempt++)
            {
                var e = write(scene);
                var clash = false;
                foreach (var g in _gold)
                    if (g.Product == e.Gold.Product && g.Jurisdiction == e.Gold.Jurisdiction) clash = true;
                if (clash) continue;
                _gold.Add(e.Gold);
                return e;
            }
            return null;
        }
    }
}
