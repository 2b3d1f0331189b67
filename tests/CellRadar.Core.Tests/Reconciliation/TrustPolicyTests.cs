using System.Text;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;
using CellRadar.Core.Reconciliation;

namespace CellRadar.Core.Tests.Reconciliation;

public sealed class TrustPolicyTests
{
    [Fact]
    public void Regulator_and_company_sources_rank_above_trade_press_above_unknown_sites()
    {
        var t = TrustPolicy.Embedded;
        var regulator = t.LevelOf("https://www.fda.gov/news-events/press-announcements/x", null);
        var company = t.LevelOf("https://www.prnewswire.com/news-releases/x.html", null);
        var press = t.LevelOf("https://www.fiercebiotech.com/biotech/x", null);
        var unknown = t.LevelOf("https://car-t-news-today.example/x", null);
        Assert.True(regulator.Rank > company.Rank && company.Rank > press.Rank && press.Rank > unknown.Rank);
        Assert.Equal(t.Unknown, t.LevelOf(null, null));
    }

    [Fact]
    public void A_host_rule_covers_sub_domains_but_not_look_alike_hosts()
    {
        var t = TrustPolicy.Embedded;
        Assert.Equal("regulator", t.LevelOf("https://content.fda.gov/a", null).Name);
        Assert.Equal("unknown", t.LevelOf("https://notfda.gov/a", null).Name);
    }

    [Fact]
    public void A_source_name_matches_whatever_its_case()
    {
        Assert.Equal("trade-press", TrustPolicy.Embedded.LevelOf(null, "reuters").Name);
    }

    [Fact]
    public void The_publisher_is_the_host_without_www_else_the_source_name()
    {
        Assert.Equal("fiercebiotech.com", TrustPolicy.PublisherOf("https://WWW.FierceBiotech.com/x", "Fierce"));
        Assert.Equal("test wire", TrustPolicy.PublisherOf(null, " Test Wire "));
        Assert.Equal("", TrustPolicy.PublisherOf("not a url", null));
    }

    [Fact]
    public void A_trust_file_naming_an_unknown_level_is_refused_with_its_name_and_the_reason()
    {
        const string json = """{ "levels": [ { "name": "high", "rank": 2, "weight": 0.9 } ], "rules": [ { "host": "x.org", "level": "medium" } ] }""";
        var ex = Assert.Throws<CellRadarException>(() => TrustPolicy.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "my-trust.json"));
        Assert.Equal(ErrorCode.BadUsage, ex.Error.Code);
        Assert.Equal("my-trust.json", ex.Error.Subject);
        Assert.Contains("medium", ex.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_trust_file_changes_what_counts_as_confirmed()
    {
        const string json = """
            { "levels": [ { "name": "ours", "rank": 5, "weight": 0.9 }, { "name": "rest", "rank": 1, "weight": 0.4 } ],
              "confirmedFromRank": 5, "rules": [ { "host": "our-desk.example", "level": "ours" } ] }
            """;
        var policy = TrustPolicy.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "custom.json");
        var support = Supports.Of("a") with { Trust = policy.LevelOf("https://our-desk.example/story", null) };
        Assert.False(FactReconciler.Reconcile(FactKey.Of(support.Event), [support], policy).Unconfirmed);
        var press = Supports.Of("b") with { Trust = policy.LevelOf("https://www.reuters.com/x", null) };
        Assert.True(FactReconciler.Reconcile(FactKey.Of(press.Event), [press], policy).Unconfirmed);
    }

    [Fact]
    public void An_approval_in_hong_kong_whose_item_names_the_1plus_mechanism_is_a_reliance_route()
    {
        var rules = RelianceRules.Embedded;
        var hk = Jurisdiction.Parse("HK");
        var route = rules.Match(EventKind.Approval, hk, "The regulator granted approval under its \u201C1+\u201D mechanism, citing the mainland decision.");
        Assert.Equal("CN", route?.Reference);
        Assert.Null(rules.Match(EventKind.Approval, hk, "The regulator granted approval after a full review."));
        Assert.Null(rules.Match(EventKind.Acceptance, hk, "Accepted under the \"1+\" mechanism."));
        Assert.Null(rules.Match(EventKind.Approval, Jurisdiction.Parse("US"), "Approved under the \"1+\" mechanism."));
    }
}
