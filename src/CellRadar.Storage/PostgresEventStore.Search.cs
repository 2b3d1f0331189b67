using System.Text;
using CellRadar.Core.Model;
using Npgsql;
using NpgsqlTypes;

namespace CellRadar.Storage;

/// <summary>
/// Full-text search on PostgreSQL (migration 0004): tsvector columns generated from items and product rows, GIN
/// indexes, the query built by <see cref="SearchQuery.ToTsQuery"/>. Matches are the same as SQLite's FTS5 (the same
/// words, prefixes and phrases); ranking uses the same weights (title 5 : text 1; name 10 : aliases 5 : sponsor 1)
/// but ts_rank, not bm25, so the contract fixes only what both honour: title matches before text-only matches,
/// and equal ranks newest item first (products by name).
/// </summary>
public sealed partial class PostgresEventStore
{
    // ts_rank's weights are given for D, C, B, A. Items: text (B) 0.2, title (A) 1.0. Products: sponsor (C) 0.1,
    // aliases (B) 0.5, name (A) 1.0. D is never written; weights must be positive, so it gets the smallest.
    private const string ItemWeights = "{0.01, 0.01, 0.2, 1.0}";
    private const string ProductWeights = "{0.01, 0.1, 0.5, 1.0}";

    // Private-use characters mark matches in ts_headline's output, as in SQLite's snippets; they are cut out again,
    // so markup never comes from text. The option strings are constants: no input reaches them.
    private const string ItemSnippet = "StartSel=\uE000, StopSel=\uE001, MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1";
    private const string ProductSnippet = "StartSel=\uE000, StopSel=\uE001, MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1";

    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        var hits = new List<SearchHit>();
        if (SearchQuery.ToTsQuery(query) is not { } tsquery || limit <= 0) return hits;
        return Read(() =>
        {
            using (var cmd = new NpgsqlCommand("""
                SELECT p.name, ts_headline('cellradar_search', p.name, q, @options),
                       ts_headline('cellradar_search', p.aliases, q, @options),
                       ts_headline('cellradar_search', p.sponsor, q, @options)
                FROM (SELECT p.*, q FROM search_products p, to_tsquery('cellradar_search', @query) q
                      WHERE p.search @@ q
                      ORDER BY ts_rank(@weights::float4[], p.search, q) DESC, p.name COLLATE "C"
                      LIMIT @limit) p
                ORDER BY ts_rank(@weights::float4[], p.search, q) DESC, p.name COLLATE "C"
                """, _connection))
            {
                AddSearchParameters(cmd, tsquery, limit, ProductWeights, ProductSnippet);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    // The column with the most marked words makes the snippet; the name when there is a tie.
                    var best = Unmark(r.GetString(1));
                    for (var column = 2; column <= 3; column++)
                    {
                        var candidate = Unmark(r.GetString(column));
                        if (candidate.Matches.Count > best.Matches.Count) best = candidate;
                    }
                    hits.Add(new SearchHit(SearchHitKind.Product, r.GetString(0), best.Text, best.Matches) { Product = r.GetString(0) });
                }
            }
            // The snippet is cut from the text; the headline is made only for the rows the limit keeps.
            using (var cmd = new NpgsqlCommand("""
                SELECT i.id, i.title, i.published, h.snippet,
                       starts_with(i.text, h.plain), right(i.text, length(h.plain)) = h.plain
                FROM (SELECT i.id, i.title, i.published, i.text, ts_rank(@weights::float4[], i.search, q) AS rank, q
                      FROM items i, to_tsquery('cellradar_search', @query) q
                      WHERE i.search @@ q
                      ORDER BY rank DESC, i.id DESC
                      LIMIT @limit) i,
                     LATERAL (SELECT ts_headline('cellradar_search', i.text, i.q, @options) AS snippet) s,
                     LATERAL (SELECT s.snippet, replace(replace(s.snippet, U&'\E000', ''), U&'\E001', '') AS plain) h
                ORDER BY i.rank DESC, i.id DESC
                """, _connection))
            {
                AddSearchParameters(cmd, tsquery, limit, ItemWeights, ItemSnippet);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var (snippet, spans) = Unmark(r.GetString(3));
                    // Like FTS5's snippets, an ellipsis says the text goes on before or after the cut.
                    if (!r.GetBoolean(4))
                    {
                        snippet = "…" + snippet;
                        spans = [.. spans.Select(s => new TextSpan(s.Start + 1, s.End + 1))];
                    }
                    if (!r.GetBoolean(5)) snippet += "…";
                    hits.Add(new SearchHit(SearchHitKind.Item, r.GetString(1), snippet, spans)
                    {
                        ItemId = r.GetInt64(0),
                        Published = !r.IsDBNull(2) && PartialDate.TryParse(r.GetString(2), out var d) ? d : null,
                    });
                }
            }
            return hits;
        });
    }

    private static void AddSearchParameters(NpgsqlCommand cmd, string tsquery, int limit, string weights, string options)
    {
        cmd.Parameters.Add(new NpgsqlParameter<string>("query", tsquery));
        cmd.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        cmd.Parameters.Add(new NpgsqlParameter<string>("weights", weights));
        cmd.Parameters.Add(new NpgsqlParameter<string>("options", options));
    }

    /// <summary>Removes the match markers from a headline and returns where they were.</summary>
    private static (string Text, IReadOnlyList<TextSpan> Matches) Unmark(string marked)
    {
        var text = new StringBuilder(marked.Length);
        var spans = new List<TextSpan>();
        var open = -1;
        foreach (var c in marked)
        {
            if (c == '\uE000') open = text.Length;
            else if (c == '\uE001')
            {
                if (open >= 0 && text.Length > open) spans.Add(new TextSpan(open, text.Length));
                open = -1;
            }
            else text.Append(c);
        }
        return (text.ToString(), spans);
    }

    public void IndexProducts(IEnumerable<SearchProduct> products) =>
        Write(() =>
        {
            // One round trip for the whole catalog, statements applied in order (a name given twice: the last wins,
            // as on SQLite); rows that would not change are left alone, so their index entries are not rewritten.
            using var batch = new NpgsqlBatch(_connection);
            foreach (var p in products)
            {
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO search_products (name_key, name, aliases, sponsor) VALUES (@key, @name, @aliases, @sponsor)
                    ON CONFLICT (name_key) DO UPDATE SET name = excluded.name, aliases = excluded.aliases,
                        sponsor = CASE WHEN excluded.sponsor <> '' THEN excluded.sponsor ELSE search_products.sponsor END
                    WHERE search_products.name <> excluded.name OR search_products.aliases <> excluded.aliases
                        OR (excluded.sponsor <> '' AND search_products.sponsor <> excluded.sponsor)
                    """);
                command.Parameters.Add(new NpgsqlParameter<string>("key", p.Name.ToLowerInvariant()));
                command.Parameters.Add(new NpgsqlParameter<string>("name", p.Name));
                command.Parameters.Add(new NpgsqlParameter<string>("aliases", string.Join(", ", p.Aliases)));
                command.Parameters.Add(new NpgsqlParameter<string>("sponsor", p.Sponsor));
                batch.BatchCommands.Add(command);
            }
            if (batch.BatchCommands.Count == 0) return 0;
            // A batch of several statements runs in one implicit transaction: all products or none.
            return batch.ExecuteNonQuery();
        });
}
