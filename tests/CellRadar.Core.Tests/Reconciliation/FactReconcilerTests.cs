using System.Buffers;
using System.Text;
using System.Text.Json;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Core.Tests.Reconciliation;

public sealed class FactReconcilerTests
{
    [Fact]
    public void A_decision_date_and_a_later_publication_dated_report_are_labelled_not_a_conflict()
    {
        // One item states the approval day; another, published a week later, reports it with no date of its own.
        var stated = Supports.Of("release", date: "2024-02-23", published: "2024-03-04");
        var announced = Supports.Of("wire", date: "2024-03-01", published: "2024-03-01");
        var fact = Supports.Reconcile(stated, announced);
        Assert.Equal(PartialDate.Parse("2024-02-23"), fact.DecisionDate);
        Assert.Equal(PartialDate.Parse("2024-03-01"), fact.AnnouncedDate);
        Assert.Empty(fact.Conflicts);
        Assert.Equal(PartialDate.Parse("2024-03-01"), fact.FirstReported);
        Assert.Equal(7, fact.LatencyDays);
        Assert.Equal(DateRole.Announcement, fact.Supports.Single(s => s.ItemKey == "wire").DateRole);
        Assert.Equal(DateRole.Decision, fact.Supports.Single(s => s.ItemKey == "release").DateRole);
    }

    [Fact]
    public void Two_sources_stating_different_days_of_their_own_are_a_date_conflict()
    {
        var fact = Supports.Reconcile(Supports.Of("a", date: "2024-02-23"), Supports.Of("b", date: "2024-02-26"));
        var conflict = Assert.Single(fact.Conflicts);
        Assert.Equal("date", conflict.Field);
        Assert.Equal(["2024-02-23", "2024-02-26"], conflict.Values.Select(v => v.Value));
        Assert.Contains(fact.Supports, s => s.DateRole == DateRole.Conflicting);
    }

    [Fact]
    public void Nda_in_one_item_and_bla_in_another_are_one_fact_with_a_subtype_conflict()
    {
        var nda = Supports.Of("a", kind: EventKind.Acceptance, jurisdiction: "SG", subtype: "NDA");
        var bla = Supports.Of("b", kind: EventKind.Acceptance, jurisdiction: "SG", subtype: "BLA");
        Assert.Equal(FactKey.Of(nda.Event), FactKey.Of(bla.Event));
        var fact = Supports.Reconcile(nda, bla);
        var conflict = Assert.Single(fact.Conflicts);
        Assert.Equal("subtype", conflict.Field);
        Assert.Equal(["BLA", "NDA"], conflict.Values.Select(v => v.Value));
    }

    [Fact]
    public void Different_designations_are_different_facts_and_never_a_subtype_conflict()
    {
        var rmat = Supports.Of("a", kind: EventKind.Designation, jurisdiction: "US", subtype: "RMAT");
        var orphan = Supports.Of("a", kind: EventKind.Designation, jurisdiction: "US", subtype: "OrphanDrug");
        Assert.NotEqual(FactKey.Of(rmat.Event), FactKey.Of(orphan.Event));
        Assert.Equal("RMAT", Supports.Reconcile(rmat).Subtype);
    }

    [Fact]
    public void The_same_supports_in_any_order_give_the_same_fact()
    {
        Support[] supports =
        [
            Supports.Of("a", date: "2025-03", subtype: "NDA", trust: Supports.Company),
            Supports.Of("b", date: "2025-03-14", subtype: "BLA", published: "2025-03-14"),
            Supports.Of("c", date: "2025-03-20", published: "2025-03-21", sponsor: "Fosun Kite Biotechnology"),
            Supports.Of("d", published: "2025-04-02", cluster: "hash-a"),
        ];
        var expected = Json(Supports.Reconcile(supports));
        var random = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var shuffled = supports.OrderBy(_ => random.Next()).ToArray();
            Assert.Equal(expected, Json(FactReconciler.Reconcile(FactKey.Of(supports[0].Event), shuffled, TrustPolicy.Embedded)));
        }
    }

    [Fact]
    public void A_reprint_and_a_second_item_from_one_publisher_count_as_one_source()
    {
        var original = Supports.Of("a", publisher: "wire.example");
        var reprint = Supports.Of("b", publisher: "portal.example", cluster: "hash-a");
        var sameDesk = Supports.Of("c", publisher: "wire.example");
        var other = Supports.Of("d", publisher: "journal.example");
        Assert.Equal(1, Supports.Reconcile(original, reprint, sameDesk).IndependentSources);
        var corroborated = Supports.Reconcile(original, reprint, sameDesk, other);
        Assert.Equal(2, corroborated.IndependentSources);
        Assert.True(corroborated.Confidence > Supports.Reconcile(original, reprint).Confidence);
    }

    [Fact]
    public void A_claim_seen_once_on_a_low_trust_source_is_unconfirmed_and_a_regulator_alone_is_not()
    {
        Assert.True(Supports.Reconcile(Supports.Of("a", trust: Supports.Unknown)).Unconfirmed);
        Assert.False(Supports.Reconcile(Supports.Of("a", trust: Supports.Regulator)).Unconfirmed);
        Assert.False(Supports.Reconcile(Supports.Of("a", trust: Supports.Unknown), Supports.Of("b", trust: Supports.Unknown)).Unconfirmed);
    }

    [Fact]
    public void Each_source_keeps_the_sponsor_it_names()
    {
        var fact = Supports.Reconcile(
            Supports.Of("a", sponsor: "Kite Pharma", product: "axicabtagene ciloleucel"),
            Supports.Of("b", sponsor: "Fosun Kite Biotechnology", product: "axicabtagene ciloleucel"));
        Assert.Equal(["Fosun Kite Biotechnology", "Kite Pharma"], fact.Sponsors.Select(s => s.Value));
        Assert.Equal(["b"], fact.Sponsors[0].Items);
    }

    [Fact]
    public void A_reported_act_supersedes_the_planned_date_without_a_conflict()
    {
        var planned = Supports.Of("a", date: "2025-06-30", status: EventStatus.Expected);
        var done = Supports.Of("b", date: "2025-06-12");
        var fact = Supports.Reconcile(planned, done);
        Assert.Equal(EventStatus.Occurred, fact.Status);
        Assert.Equal(PartialDate.Parse("2025-06-12"), fact.DecisionDate);
        Assert.Empty(fact.Conflicts);
    }

    [Fact]
    public void A_fact_survives_its_json_form_unchanged()
    {
        var fact = Supports.Reconcile(Supports.Of("a", date: "2024-02-23", published: "2024-03-04") with { Reliance = null },
            Supports.Of("b", date: "2024-03-01", published: "2024-03-01"));
        using var doc = JsonDocument.Parse(Json(fact));
        Assert.Equal(Json(fact), Json(FactJson.Read(doc.RootElement)));
    }

    private static string Json(Fact fact)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer)) FactJson.Write(w, fact);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
