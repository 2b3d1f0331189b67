using System.Data.Common;
using System.Globalization;
using CellRadar.Core.Errors;
using CellRadar.Core.Model;

namespace CellRadar.Storage;

/// <summary>The columns both stores select for an event (events <c>e</c> joined to items <c>i</c>), and how a row is read.</summary>
internal static class StoredEventRow
{
    public const string Columns = """
        e.id, e.item_id, i.item_key, i.origin, i.url, e.product, e.product_is_new, e.kind, e.subtype, e.jurisdiction,
        e.agency, e.date_written, e.status, e.sponsor, e.indication, e.evidence_start, e.evidence_end, e.evidence_text,
        e.confidence, e.extractor_version
        """;

    public static StoredEvent Read(DbDataReader r)
    {
        PartialDate? date = null;
        if (!r.IsDBNull(11))
        {
            var written = r.GetString(11);
            // The column is only ever written from PartialDate.ToString(), so a bad value means a damaged store.
            date = PartialDate.TryParse(written, out var d)
                ? d
                : throw new CellRadarException(new CellRadarError(ErrorCode.StoreUnavailable, $"event {r.GetInt64(0)}", $"stored date '{written}' is not YYYY[-MM[-DD]]"));
        }
        var ev = new RegulatoryEvent
        {
            Product = r.GetString(5),
            // An integer flag: 64-bit in SQLite, a smaller integer type on PostgreSQL.
            ProductIsNew = Convert.ToInt64(r.GetValue(6), CultureInfo.InvariantCulture) != 0,
            Kind = EventKindNames.TryParse(r.GetString(7), out var kind) ? kind : default,
            Subtype = r.GetString(8),
            Jurisdiction = Jurisdiction.Parse(r.GetString(9)),
            Agency = r.GetString(10),
            Date = date,
            Status = EventStatusNames.TryParse(r.GetString(12), out var status) ? status : default,
            Sponsor = r.GetString(13),
            Indication = r.GetString(14),
            Evidence = new TextSpan(r.GetInt32(15), r.GetInt32(16)),
            EvidenceText = r.GetString(17),
            Confidence = r.GetDouble(18),
            ExtractorVersion = r.GetString(19),
        };
        return new StoredEvent(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), ev);
    }
}
