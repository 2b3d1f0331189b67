using CellRadar.Core.Catalog;
using CellRadar.Core.Evaluation;
using CellRadar.Core.Model;

namespace CellRadar.Core.Synthetic;

/// <summary>What an event sentence is written about: the product, the item's publication date and the day of the story.</summary>
internal sealed record EventScene(Random R, SyntheticCast Cast, ProductEntry Product, PartialDate? Published, DateOnly StoryDay);

/// <summary>A sentence stating one event, and that event as gold.</summary>
internal sealed record PlantedEvent(string Sentence, GoldEvent Gold);

/// <summary>
/// Sentences that state one regulatory event each, several phrasings per kind, with the gold event the
/// contract (EVENTS.md) gives them: an act with no date of its own takes the publication date, a stated date
/// wins, an ongoing review and an undated plan take none.
/// </summary>
internal static class EventPhrasebook
{
    /// <summary>Kinds the lead of a wire release can announce ("X today announced that ...").</summary>
    public static readonly EventKind[] LeadKinds = [EventKind.Approval, EventKind.Approval, EventKind.Designation, EventKind.TrialAuthorization, EventKind.Submission, EventKind.Acceptance, EventKind.Rejection];

    public static PlantedEvent Write(EventScene s, EventKind kind) => kind switch
    {
        EventKind.Approval => Approval(s, lead: false),
        EventKind.Designation => Designation(s, lead: false),
        EventKind.TrialAuthorization => TrialAuthorization(s, lead: false),
        EventKind.Submission => Submission(s, lead: false),
        EventKind.Acceptance => Acceptance(s, lead: false),
        EventKind.Opinion => Opinion(s),
        EventKind.Rejection => Rejection(s, lead: false),
        EventKind.Withdrawal => Withdrawal(s),
        EventKind.Access => Access(s),
        _ => Gmp(s),
    };

    /// <summary>A clause with no date of its own, to follow "{sponsor} today announced that".</summary>
    public static PlantedEvent Lead(EventScene s, EventKind kind) => kind switch
    {
        EventKind.Designation => Designation(s, lead: true),
        EventKind.TrialAuthorization => TrialAuthorization(s, lead: true),
        EventKind.Submission => Submission(s, lead: true),
        EventKind.Acceptance => Acceptance(s, lead: true),
        EventKind.Rejection => Rejection(s, lead: true),
        _ => Approval(s, lead: true),
    };

    private static PlantedEvent Approval(EventScene s, bool lead)
    {
        var r = s.R;
        var place = s.Cast.AnyPlace(r);
        var a = Wording.Agency(r, place.Regulator);
        var p = Wording.Product(r, s.Product);
        var i = Wording.Indication(r, s.Product);
        var sponsor = Sponsor(s.Product, place.Code);
        if (lead) return Undated(s, $"{Wording.LowerArticle(a)} has approved {p} for the treatment of {i}", EventKind.Approval, "", place, place.Regulator.Short);
        var day = PastDay(s);
        var d = Wording.Day(r, day);
        var text = r.Next(4) switch
        {
            0 => $"{Wording.UpperFirst(a)} has approved {p} for the treatment of {i}.",
            1 => $"On {d}, {a} approved {p}, {sponsor}'s {Wording.Modality(s.Product)} therapy, for {i}.",
            2 => $"{s.Product.Sponsor} announced that {p} received marketing authorisation from {a} on {d}.",
            _ => $"{Wording.UpperFirst(a)} granted approval to {p} for {i} on {d}.",
        };
        var dated = !text.StartsWith(Wording.UpperFirst(a) + " has", StringComparison.Ordinal);
        return new(text, Gold(s, EventKind.Approval, "", place.Code, place.Regulator.Short, dated ? PartialDate.OfDay(day) : s.Published, EventStatus.Occurred, sponsor));
    }

    private static readonly (string Subtype, string Written, string? Place)[] Designations =
    [
        ("RMAT", "Regenerative Medicine Advanced Therapy (RMAT) designation", "US"),
        ("RMAT", "RMAT designation", "US"),
        ("FastTrack", "Fast Track designation", "US"),
        ("BreakthroughTherapy", "Breakthrough Therapy designation", null),
        ("OrphanDrug", "Orphan Drug designation", null),
        ("PRIME", "PRIority MEdicines (PRIME) eligibility", "EU"),
        ("PriorityReview", "Priority Review designation", null),
        ("SAKIGAKE", "SAKIGAKE designation", "JP"),
        ("ILAP", "an Innovation Passport", "GB"),
    ];

    private static PlantedEvent Designation(EventScene s, bool lead)
    {
        var r = s.R;
        var (subtype, written, fixedPlace) = Designations[r.Next(Designations.Length)];
        var code = fixedPlace ?? (subtype == "OrphanDrug" ? Wording.Pick(r, ["US", "JP", "KR"]) : Wording.Pick(r, ["US", "CN"]));
        var place = s.Cast.Place(code);
        var agency = code switch
        {
            "EU" => s.Cast.Ema,
            "CN" when subtype == "BreakthroughTherapy" => s.Cast.Cde,
            _ => place.Regulator,
        };
        var a = Wording.Agency(r, agency);
        var p = Wording.Product(r, s.Product);
        var i = Wording.Indication(r, s.Product);
        if (lead) return Undated(s, $"{Wording.LowerArticle(a)} has granted {written} to {p} for {i}", EventKind.Designation, subtype, place, agency.Short);
        var day = PastDay(s);
        var text = r.Next(3) switch
        {
            0 => $"{Wording.UpperFirst(a)} has granted {written} to {p} for the treatment of {i}.",
            1 => $"{Wording.UpperFirst(p)} received {written} from {a} on {Wording.Day(r, day)}.",
            _ => $"On {Wording.Day(r, day)}, {a} granted {p} {written} in {i}.",
        };
        var dated = !text.Contains(" has granted ", StringComparison.Ordinal);
        return new(text, Gold(s, EventKind.Designation, subtype, code, agency.Short, dated ? PartialDate.OfDay(day) : s.Published, EventStatus.Occurred, Sponsor(s.Product, code)));
    }

    private static PlantedEvent TrialAuthorization(EventScene s, bool lead)
    {
        var r = s.R;
        var ind = lead || r.Next(2) == 0;
        var place = s.Cast.Place(ind ? Wording.Pick(r, ["US", "US", "CN"]) : Wording.Pick(r, ["GB", "CA", "DE", "ES", "FR", "KR"]));
        var a = Wording.Agency(r, place.Regulator);
        var p = Wording.Product(r, s.Product);
        var sponsor = Sponsor(s.Product, place.Code);
        if (lead) return Undated(s, $"{Wording.LowerArticle(a)} has cleared its Investigational New Drug (IND) application for {p}", EventKind.TrialAuthorization, "IND", place, place.Regulator.Short);
        var day = PastDay(s);
        var d = Wording.Day(r, day);
        string text;
        if (ind)
        {
            text = r.Next(2) == 0
                ? $"{Wording.UpperFirst(a)} has cleared the Investigational New Drug (IND) application for {p}, allowing a first-in-human study to begin."
                : $"{s.Product.Sponsor} received IND clearance from {a} for {p} on {d}.";
        }
        else
        {
            text = $"On {d}, {a} authorised the Clinical Trial Application (CTA) for {p}.";
        }
        var dated = !text.Contains(" has cleared ", StringComparison.Ordinal);
        return new(text, Gold(s, EventKind.TrialAuthorization, ind ? "IND" : "CTA", place.Code, place.Regulator.Short, dated ? PartialDate.OfDay(day) : s.Published, EventStatus.Occurred, sponsor));
    }

    /// <summary>The marketing application a place's system uses, as written and as subtype (empty when generic).</summary>
    private static (string Written, string Subtype) Application(Random r, string code) => code switch
    {
        "US" => r.Next(2) == 0 ? ("Biologics License Application (BLA)", "BLA") : ("BLA", "BLA"),
        "EU" => ("Marketing Authorisation Application (MAA)", "MAA"),
        "CN" or "JP" or "KR" or "TW" => ("New Drug Application (NDA)", "NDA"),
        "CA" => ("New Drug Submission (NDS)", "NDS"),
        _ => ("marketing application", ""),
    };

    private static PlantedEvent Submission(EventScene s, bool lead)
    {
        var r = s.R;
        var place = s.Cast.AnyPlace(r);
        var agency = place.Code == "EU" ? s.Cast.Ema : place.Regulator;
        var a = Wording.Agency(r, agency);
        var p = Wording.Product(r, s.Product);
        var (app, subtype) = Application(r, place.Code);
        var sponsor = Sponsor(s.Product, place.Code);
        if (lead) return Undated(s, $"it has submitted a {app} to {a} for {p}", EventKind.Submission, subtype, place, agency.Short);
        switch (r.Next(3))
        {
            case 0:
                return new($"{s.Product.Sponsor} has submitted a {app} to {a} for {p} for the treatment of {Wording.Indication(r, s.Product)}.",
                    Gold(s, EventKind.Submission, subtype, place.Code, agency.Short, s.Published, EventStatus.Occurred, sponsor));
            case 1:
                var later = s.StoryDay.AddMonths(2 + r.Next(10));
                return new($"{s.Product.Sponsor} plans to submit a {app} for {p} to {a} in {Wording.Month(later)}.",
                    Gold(s, EventKind.Submission, subtype, place.Code, agency.Short, PartialDate.OfMonth(later.Year, later.Month), EventStatus.Expected, sponsor));
            default:
                var day = PastDay(s);
                return new($"{s.Product.Sponsor} said it filed a {app} with {a} for {p} on {Wording.Day(r, day)}.",
                    Gold(s, EventKind.Submission, subtype, place.Code, agency.Short, PartialDate.OfDay(day), EventStatus.Occurred, sponsor));
        }
    }

    private static PlantedEvent Acceptance(EventScene s, bool lead)
    {
        var r = s.R;
        var place = s.Cast.Place(Wording.Pick(r, ["US", "US", "EU", "CN", "JP", "CA"]));
        var agency = place.Code == "EU" ? s.Cast.Ema : place.Regulator;
        var a = Wording.Agency(r, agency);
        var p = Wording.Product(r, s.Product);
        var (app, subtype) = Application(r, place.Code);
        var sponsor = Sponsor(s.Product, place.Code);
        if (lead) return Undated(s, $"{Wording.LowerArticle(a)} has accepted its {app} for {p}", EventKind.Acceptance, subtype, place, agency.Short);
        switch (r.Next(3))
        {
            case 0:
                return new($"{Wording.UpperFirst(a)} has accepted the {app} for {p}.",
                    Gold(s, EventKind.Acceptance, subtype, place.Code, agency.Short, s.Published, EventStatus.Occurred, sponsor));
            case 1:
                var day = PastDay(s);
                return new($"On {Wording.Day(r, day)}, {a} validated the {app} for {p}.",
                    Gold(s, EventKind.Acceptance, subtype, place.Code, agency.Short, PartialDate.OfDay(day), EventStatus.Occurred, sponsor));
            default:
                return new($"The {app} for {p} is under review by {a}.",
                    Gold(s, EventKind.Acceptance, subtype, place.Code, agency.Short, null, EventStatus.Ongoing, sponsor));
        }
    }

    private static PlantedEvent Opinion(EventScene s)
    {
        var r = s.R;
        var p = Wording.Product(r, s.Product);
        var day = PastDay(s);
        var d = Wording.Day(r, day);
        if (r.Next(2) == 0)
        {
            var chmp = Wording.Agency(r, s.Cast.Chmp);
            return new($"On {d}, {chmp} adopted a positive opinion for {p} in {Wording.Indication(r, s.Product)}.",
                Gold(s, EventKind.Opinion, "", "EU", "CHMP", PartialDate.OfDay(day), EventStatus.Occurred, Sponsor(s.Product, "EU")));
        }
        var committee = s.Product.Modality is "CAR-T" or "TCR-T" or "TIL" or "oncolytic virus" ? s.Cast.Odac : s.Cast.Ctgtac;
        var votes = 6 + r.Next(8);
        return new($"On {d}, {Wording.Agency(r, committee)} voted {Wording.Number(votes)} to {Wording.Number(r.Next(votes / 2))} in favour of {p}.",
            Gold(s, EventKind.Opinion, "", "US", committee.Short, PartialDate.OfDay(day), EventStatus.Occurred, Sponsor(s.Product, "US")));
    }

    private static PlantedEvent Rejection(EventScene s, bool lead)
    {
        var r = s.R;
        var p = Wording.Product(r, s.Product);
        if (lead || r.Next(2) == 0)
        {
            var place = s.Cast.Place("US");
            var fda = Wording.Agency(r, place.Regulator);
            var text = lead
                ? $"it has received a complete response letter from {fda} for the BLA for {p}"
                : $"{Wording.UpperFirst(fda)} has issued a complete response letter for the Biologics License Application for {p}.";
            return lead
                ? Undated(s, text, EventKind.Rejection, "BLA", place, "FDA")
                : new(text, Gold(s, EventKind.Rejection, "BLA", "US", "FDA", s.Published, EventStatus.Occurred, Sponsor(s.Product, "US")));
        }
        var day = PastDay(s);
        return new($"On {Wording.Day(r, day)}, {Wording.Agency(r, s.Cast.Chmp)} adopted a negative opinion on {p}.",
            Gold(s, EventKind.Rejection, "", "EU", "CHMP", PartialDate.OfDay(day), EventStatus.Occurred, Sponsor(s.Product, "EU")));
    }

    private static PlantedEvent Withdrawal(EventScene s)
    {
        var r = s.R;
        var p = Wording.Product(r, s.Product);
        if (r.Next(2) == 0)
        {
            var place = s.Cast.Place(Wording.Pick(r, ["US", "EU", "CN", "CA"]));
            var agency = place.Code == "EU" ? s.Cast.Ema : place.Regulator;
            var (app, subtype) = Application(r, place.Code);
            return new($"{s.Product.Sponsor} has withdrawn its {app} for {p} from {Wording.Agency(r, agency)}.",
                Gold(s, EventKind.Withdrawal, subtype, place.Code, agency.Short, s.Published, EventStatus.Occurred, Sponsor(s.Product, place.Code)));
        }
        var where = s.Cast.AnyPlace(r);
        var day = PastDay(s);
        return new($"On {Wording.Day(r, day)}, {s.Product.Sponsor} withdrew the marketing authorisation application for {p} in {where.Name}.",
            Gold(s, EventKind.Withdrawal, "MAA", where.Code, where.Regulator.Short, PartialDate.OfDay(day), EventStatus.Occurred, Sponsor(s.Product, where.Code)));
    }

    private static PlantedEvent Access(EventScene s)
    {
        var r = s.R;
        var p = Wording.Product(r, s.Product);
        var where = s.Cast.AnyPlace(r);
        var month = PastDay(s);
        var (text, subtype) = r.Next(3) switch
        {
            0 => ($"{Wording.UpperFirst(p)} became available to patients in {where.Name} through a named patient programme in {Wording.Month(month)}.", "NamedPatient"),
            1 => ($"Since {Wording.Month(month)}, doctors in {where.Name} have been able to request {p} under a compassionate use programme.", "CompassionateUse"),
            _ => ($"{Wording.UpperFirst(p)} has been supplied to patients in {where.Name} under an early access programme since {Wording.Month(month)}.", "EarlyAccess"),
        };
        return new(text, Gold(s, EventKind.Access, subtype, where.Code, "", PartialDate.OfMonth(month.Year, month.Month), EventStatus.Occurred, Sponsor(s.Product, where.Code)));
    }

    private static PlantedEvent Gmp(EventScene s)
    {
        var r = s.R;
        Place where;
        do where = s.Cast.AnyPlace(r); while (where.Code == "EU");
        var day = PastDay(s);
        return new($"{s.Product.Sponsor} said its manufacturing facility for {Wording.Product(r, s.Product)} received a GMP certificate from {Wording.Agency(r, where.Regulator)} on {Wording.Day(r, day)}.",
            Gold(s, EventKind.Gmp, "GMPCertificate", where.Code, where.Regulator.Short, PartialDate.OfDay(day), EventStatus.Occurred, Sponsor(s.Product, where.Code)));
    }

    /// <summary>A reported act with no date of its own: it takes the publication date (rule 3), or none.</summary>
    private static PlantedEvent Undated(EventScene s, string clause, EventKind kind, string subtype, Place place, string agency) =>
        new(clause, Gold(s, kind, subtype, place.Code, agency, s.Published, EventStatus.Occurred, Sponsor(s.Product, place.Code)));

    /// <summary>A day shortly before the story: events are reported within a few weeks.</summary>
    private static DateOnly PastDay(EventScene s) => s.StoryDay.AddDays(-s.R.Next(1, 28));

    private static string Sponsor(ProductEntry p, string code) => p.Holders.GetValueOrDefault(code) ?? p.Sponsor;

    private static GoldEvent Gold(EventScene s, EventKind kind, string subtype, string code, string agency, PartialDate? date, EventStatus status, string sponsor) =>
        new(s.Product.Canonical, kind, subtype, Jurisdiction.Parse(code), agency, date, status, sponsor, "");
}
