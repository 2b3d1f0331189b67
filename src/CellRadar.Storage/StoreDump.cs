using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CellRadar.Core.Errors;

namespace CellRadar.Storage;

/// <summary>
/// <c>cellradar export</c> and <c>import</c>: every table of a store as JSON lines, the same bytes whichever engine
/// holds it, so a store moves between SQLite and PostgreSQL and back without losing anything (ids, times, text).
/// The first line describes the export: format, schema version, and each table with its columns in order; then one
/// line per row, <c>{"table":"runs","id":1,...}</c>, tables in the order they can be loaded in, rows by key.
/// The schema_migrations table is not exported: the target store is migrated by opening it, at its own time.
/// Nor are the search tables (SQLite's FTS5 tables, PostgreSQL's tsvector columns, search_products): they are
/// derived, rebuilt on import from the items and events imported (SQLite's item index by <see cref="RebuildSearch"/>, the rest by triggers and generated columns)
/// (the catalog's products are indexed again by <c>serve</c> at start), so an export is the same bytes from either engine.
/// </summary>
public static class StoreDump
{
    public const string Format = "cellradar-export";

    public const int FormatVersion = 1;

    /// <summary>The schema version whose tables <see cref="Tables"/> lists; an export of any other is refused, not made lossy.</summary>
    public const int SchemaVersion = 6;

    private enum Kind { Integer, Text, Real, Day, Blob }

    private sealed record Column(string Name, Kind Kind);

    private sealed record Table(string Name, string[] Key, Column[] Columns, bool IdentityKey);

    private static Column I(string name) => new(name, Kind.Integer);

    private static Column T(string name) => new(name, Kind.Text);

    // Parents before children, so an import in this order never breaks a foreign key.
    private static readonly Table[] Tables =
    [
        new("runs", ["id"], [I("id"), T("command"), T("started_at"), T("finished_at"), I("items_read"), I("inserted"),
            I("duplicates"), I("failed"), I("events")], IdentityKey: true),
        new("items", ["id"], [I("id"), T("item_key"), T("origin"), T("content_hash"), T("title"), T("url"), T("source"),
            T("published"), T("published_from"), T("text"), I("run_id"), T("ingested_at"), T("extractor_version")], IdentityKey: true),
        new("events", ["id"], [I("id"), I("item_id"), T("product"), I("product_is_new"), T("kind"), T("subtype"),
            T("jurisdiction"), T("agency"), T("date_written"), new("date_start", Kind.Day), new("date_end", Kind.Day), T("status"),
            T("sponsor"), T("indication"), I("evidence_start"), I("evidence_end"), T("evidence_text"), new("confidence", Kind.Real),
            T("extractor_version")], IdentityKey: true),
        new("failures", ["id"], [I("id"), I("run_id"), T("origin"), I("code"), T("message")], IdentityKey: true),
        new("feeds", ["url"], [T("url"), T("etag"), T("last_modified"), T("last_polled"), T("last_status")], IdentityKey: false),
        new("feed_entries", ["feed_url", "entry_key"], [T("feed_url"), T("entry_key"), T("link"), T("first_seen"), I("item_id"),
            I("error_code"), T("error_message")], IdentityKey: false),
        // Schema 3: reconciliation. item_bands is left out: it is the signature cut into bands, rebuilt on import.
        new("item_fingerprints", ["item_id"], [I("item_id"), new("signature", Kind.Blob), T("cluster")], IdentityKey: false),
        new("facts", ["id"], [I("id"), T("fact_key"), T("product"), T("kind"), T("family"), T("jurisdiction"), T("subtype"),
            T("status"), T("fact_date"), T("date_start"), T("agency"), new("confidence", Kind.Real), I("independent_sources"),
            I("unconfirmed"), I("conflicts"), T("conflict_values"), T("reliance"), T("sources"), T("body"), T("updated_at")], IdentityKey: true),
        new("fact_supports", ["fact_id", "event_id"], [I("fact_id"), I("event_id")], IdentityKey: false),
        new("pending_facts", ["fact_key"], [T("fact_key")], IdentityKey: false),
        new("market_status", ["product", "jurisdiction"], [T("product"), T("jurisdiction"), T("stage"), T("stage_date"), T("fact_key"),
            T("body"), T("updated_at")], IdentityKey: false),
        new("changes", ["id"], [I("id"), T("at"), T("change"), T("product"), T("jurisdiction"), T("fact_key"), T("detail")], IdentityKey: true),
    ];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The export is data, never embedded in HTML: non-ASCII text stays readable rather than \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes every row of <paramref name="store"/> to <paramref name="output"/>; returns the number of rows.</summary>
    public static long Export(IEventStore store, TextWriter output, string description)
    {
        var (connection, postgres) = Open(store);
        CheckSchema(store, connection, postgres, description);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer, WriterOptions);
        WriteHeader(json);
        Flush(json, buffer, output);
        long rows = 0;
        try
        {
            foreach (var table in Tables)
            {
                using var cmd = connection.CreateCommand();
                // Text keys in byte order on both engines (SQLite's BINARY is that already; PostgreSQL's default collation is not).
                var order = string.Join(", ", table.Key.Select(k => postgres && table.Columns.First(c => c.Name == k).Kind == Kind.Text ? k + " COLLATE \"C\"" : k));
                cmd.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => c.Name))} FROM {table.Name} ORDER BY {order}";
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    json.WriteStartObject();
                    json.WriteString("table", table.Name);
                    for (var i = 0; i < table.Columns.Length; i++) WriteValue(json, table.Columns[i], reader, i);
                    json.WriteEndObject();
                    Flush(json, buffer, output);
                    rows++;
                }
            }
        }
        catch (DbException ex)
        {
            throw new CellRadarException(new CellRadarError(ErrorCode.StoreUnavailable, description, ex.Message), ex);
        }
        return rows;
    }

    /// <summary>
    /// Loads an export into an empty store in one transaction: all rows or, on any error, none. Identity counters
    /// continue after the imported ids. Returns the number of rows.
    /// </summary>
    /// <exception cref="CellRadarException">
    /// E203 when the store is not empty or a row cannot be written; E105 for a line that is not an export record
    /// (naming <paramref name="source"/> and the line); E202/E106 for an export of another schema version or format.
    /// </exception>
    public static long Import(IEventStore store, TextReader input, string source, string description)
    {
        var (connection, postgres) = Open(store);
        CheckSchema(store, connection, postgres, description);
        var lineNumber = 1;
        var header = input.ReadLine() ?? throw Malformed(source, lineNumber, "empty input; expected an export's header line");
        ReadHeader(header, source, store.SchemaVersion);
        RefuseNonEmpty(connection, description);

        using var tx = connection.BeginTransaction();
        var commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        var tableIndex = 0;
        long rows = 0;
        try
        {
            while (input.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0) continue;
                using var doc = Parse(line, source, lineNumber);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("table", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
                    throw Malformed(source, lineNumber, "a row needs a \"table\" name");
                var name = nameElement.GetString()!;
                var index = Array.FindIndex(Tables, t => t.Name == name);
                if (index < 0) throw Malformed(source, lineNumber, $"unknown table '{name}'");
                // An export lists parents first; a row of an earlier table after a later one means a damaged or hand-made file.
                if (index < tableIndex) throw Malformed(source, lineNumber, $"table '{name}' after '{Tables[tableIndex].Name}'; tables come in export order");
                tableIndex = index;
                var table = Tables[index];
                if (!commands.TryGetValue(name, out var insert))
                {
                    insert = InsertCommand(connection, tx, table, postgres);
                    commands[name] = insert;
                }
                foreach (var property in root.EnumerateObject())
                {
                    if (property.NameEquals("table")) continue;
                    if (!insert.Parameters.Contains(property.Name))
                        throw Malformed(source, lineNumber, $"table '{name}' has no column '{property.Name}'");
                }
                for (var i = 0; i < table.Columns.Length; i++)
                {
                    var column = table.Columns[i];
                    if (!root.TryGetProperty(column.Name, out var value))
                        throw Malformed(source, lineNumber, $"column '{column.Name}' of '{name}' is missing");
                    insert.Parameters[i].Value = ToParameter(value, column, postgres, source, lineNumber);
                }
                try
                {
                    insert.ExecuteNonQuery();
                }
                catch (DbException ex)
                {
                    throw new CellRadarException(new CellRadarError(ErrorCode.StoreWriteFailed, $"{source}:{lineNumber}", ex.Message), ex);
                }
                rows++;
            }
            RebuildBands(connection, tx, postgres);
            if (postgres) ContinueIdentities(connection, tx);
            else RebuildSearch(connection, tx);
            tx.Commit();
        }
        catch (DbException ex)
        {
            throw new CellRadarException(new CellRadarError(ErrorCode.StoreWriteFailed, description, ex.Message), ex);
        }
        finally
        {
            foreach (var cmd in commands.Values) cmd.Dispose();
        }
        return rows;
    }

    private static (DbConnection Connection, bool Postgres) Open(IEventStore store) => store switch
    {
        SqliteEventStore sqlite => (sqlite.Connection, false),
        PostgresEventStore postgres => (postgres.Connection, true),
        _ => throw new NotSupportedException($"{store.GetType().Name} cannot be exported or imported."),
    };

    /// <summary>
    /// Refuses a store whose tables this program's export does not list (a newer schema): an export that silently
    /// left a table out would not be the lossless copy it claims to be.
    /// </summary>
    private static void CheckSchema(IEventStore store, DbConnection connection, bool postgres, string description)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'";
        var unknown = new List<string>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (name != "schema_migrations" && !IsDerived(name) && Array.FindIndex(Tables, t => t.Name == name) < 0) unknown.Add(name);
            }
        }
        if (store.SchemaVersion != SchemaVersion || unknown.Count > 0)
        {
            unknown.Sort(StringComparer.Ordinal);
            var tables = unknown.Count == 0 ? "" : $" (tables {string.Join(", ", unknown)})";
            throw new CellRadarException(new CellRadarError(ErrorCode.StoreSchemaTooNew, description,
                $"export and import know schema version {SchemaVersion}, this database is at {store.SchemaVersion}{tables}"));
        }
    }

    /// <summary>
    /// Tables built from exported rows, so leaving them out loses nothing: the search index's (schema 4:
    /// search_products, and on SQLite the FTS5 tables with their shadow tables, items_search_data, ...), and the
    /// near-duplicate band index (schema 3: item_bands, cut from item_fingerprints' signatures by <see cref="RebuildBands"/>).
    /// And work_claims (schema 5), which is not data: the leases of workers running now. items_search_state (schema 6,
    /// SQLite) is the index's own bookkeeping, rebuilt with it by <see cref="RebuildSearch"/>.
    /// </summary>
    private static bool IsDerived(string table) =>
        table is "search_products" or "item_bands" or "work_claims"
        || table.StartsWith("items_search", StringComparison.Ordinal)
        || table.StartsWith("products_search", StringComparison.Ordinal);

    private static void WriteHeader(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("format_version", FormatVersion);
        json.WriteNumber("schema_version", SchemaVersion);
        json.WriteStartObject("tables");
        foreach (var table in Tables)
        {
            json.WriteStartArray(table.Name);
            foreach (var column in table.Columns) json.WriteStringValue(column.Name);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void ReadHeader(string line, string source, int storeVersion)
    {
        using var doc = Parse(line, source, 1);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
        {
            throw new CellRadarException(new CellRadarError(ErrorCode.UnsupportedFormat, $"{source}:1", $"not a cellradar export (the first line has no \"format\":\"{Format}\")"));
        }
        if (!root.TryGetProperty("format_version", out var fv) || !fv.TryGetInt32(out var formatVersion) || formatVersion != FormatVersion
            || !root.TryGetProperty("schema_version", out var sv) || !sv.TryGetInt32(out var schema))
        {
            throw new CellRadarException(new CellRadarError(ErrorCode.UnsupportedFormat, $"{source}:1", $"export format version is not {FormatVersion}, or the schema version is missing"));
        }
        if (schema != storeVersion)
        {
            throw new CellRadarException(new CellRadarError(
                schema > storeVersion ? ErrorCode.StoreSchemaTooNew : ErrorCode.UnsupportedFormat, $"{source}:1",
                $"the export is of schema version {schema}, this database is at {storeVersion}; import with the cellradar version that made the export"));
        }
    }

    private static void RefuseNonEmpty(DbConnection connection, string description)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT " + string.Join(" + ", Tables.Select(t => $"(SELECT COUNT(*) FROM {t.Name})"));
        var rows = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (rows > 0)
        {
            throw new CellRadarException(new CellRadarError(ErrorCode.StoreWriteFailed, description,
                $"import needs an empty database, and this one holds {rows} rows; nothing was imported"));
        }
    }

    private static DbCommand InsertCommand(DbConnection connection, DbTransaction tx, Table table, bool postgres)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        // Parameter names are the column names, which are this program's own constants: no input becomes SQL.
        cmd.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select(c => "@" + c.Name))})";
        foreach (var column in table.Columns)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = column.Name;
            p.DbType = column.Kind switch
            {
                Kind.Integer => DbType.Int64,
                Kind.Real => DbType.Double,
                Kind.Day when postgres => DbType.Date,
                Kind.Blob => DbType.Binary,
                _ => DbType.String,
            };
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static object ToParameter(JsonElement value, Column column, bool postgres, string source, int line)
    {
        if (value.ValueKind == JsonValueKind.Null) return DBNull.Value;
        switch (column.Kind)
        {
            case Kind.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n):
                return n;
            case Kind.Real when value.ValueKind == JsonValueKind.Number:
                return value.GetDouble();
            case Kind.Text when value.ValueKind == JsonValueKind.String:
                return value.GetString()!;
            case Kind.Blob when value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var bytes):
                return bytes;
            case Kind.Day when value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                // SQLite keeps days as ISO text, PostgreSQL as dates; the export holds the text either way.
                return postgres ? day : value.GetString()!;
            default:
                throw Malformed(source, line, $"column '{column.Name}' wants {column.Kind.ToString().ToLowerInvariant()}, not {value.ValueKind.ToString().ToLowerInvariant()} {value.GetRawText()}");
        }
    }

    private static void WriteValue(Utf8JsonWriter json, Column column, DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i))
        {
            json.WriteNull(column.Name);
            return;
        }
        switch (column.Kind)
        {
            case Kind.Integer:
                json.WriteNumber(column.Name, Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture));
                break;
            case Kind.Real:
                // Shortest text that reads back as the same double, on either engine.
                json.WriteNumber(column.Name, reader.GetDouble(i));
                break;
            case Kind.Day:
                json.WriteString(column.Name, reader.GetValue(i) switch
                {
                    DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                });
                break;
            case Kind.Blob:
                json.WriteBase64String(column.Name, (byte[])reader.GetValue(i));
                break;
            default:
                json.WriteString(column.Name, reader.GetString(i));
                break;
        }
    }

    /// <summary>
    /// SQLite's item search index over the imported items: since schema 6 no trigger indexes an inserted row, so the
    /// index is rebuilt from the items table and marked complete up to the highest id.
    /// </summary>
    private static void RebuildSearch(DbConnection connection, DbTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO items_search (items_search) VALUES ('rebuild');
            UPDATE items_search_state SET last_id = (SELECT COALESCE(MAX(id), 0) FROM items) WHERE id = 1;
            """;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The band index of the imported signatures, as <see cref="StoreFacts"/> writes it when an item is saved.</summary>
    private static void RebuildBands(DbConnection connection, DbTransaction tx, bool postgres)
    {
        var rows = new List<(long Item, byte[] Signature)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT item_id, signature FROM item_fingerprints WHERE signature IS NOT NULL ORDER BY item_id";
            using var r = read.ExecuteReader();
            while (r.Read()) rows.Add((r.GetInt64(0), (byte[])r.GetValue(1)));
        }
        if (rows.Count == 0) return;
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        // PostgreSQL: one statement per thousand items (a round trip each); SQLite: one prepared insert per band.
        insert.CommandText = postgres
            ? "INSERT INTO item_bands (band, band_key, item_id) SELECT * FROM unnest(@bands, @keys, @items)"
            : "INSERT INTO item_bands (band, band_key, item_id) VALUES (@bands, @keys, @items)";
        var pBands = insert.CreateParameter();
        pBands.ParameterName = "@bands";
        var pKeys = insert.CreateParameter();
        pKeys.ParameterName = "@keys";
        var pItems = insert.CreateParameter();
        pItems.ParameterName = "@items";
        insert.Parameters.Add(pBands);
        insert.Parameters.Add(pKeys);
        insert.Parameters.Add(pItems);
        foreach (var chunk in rows.Chunk(postgres ? 1000 : 1))
        {
            var bands = new List<int>();
            var keys = new List<long>();
            var items = new List<long>();
            foreach (var (item, signature) in chunk)
            {
                var bandKeys = Core.Reconciliation.NearDuplicates.BandKeys(Core.Reconciliation.NearDuplicates.FromBytes(signature));
                for (var b = 0; b < bandKeys.Length; b++)
                {
                    bands.Add(b);
                    keys.Add(bandKeys[b]);
                    items.Add(item);
                }
            }
            if (postgres)
            {
                pBands.Value = bands.ToArray();
                pKeys.Value = keys.ToArray();
                pItems.Value = items.ToArray();
                insert.ExecuteNonQuery();
                continue;
            }
            for (var n = 0; n < bands.Count; n++)
            {
                pBands.Value = bands[n];
                pKeys.Value = keys[n];
                pItems.Value = items[n];
                insert.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Identity columns would start again at 1 after rows with explicit ids: move each past the largest id.</summary>
    private static void ContinueIdentities(DbConnection connection, DbTransaction tx)
    {
        foreach (var table in Tables)
        {
            if (!table.IdentityKey) continue;
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT setval(pg_get_serial_sequence('{table.Name}', 'id'), COALESCE((SELECT MAX(id) FROM {table.Name}), 0) + 1, false)";
            cmd.ExecuteNonQuery();
        }
    }

    private static void Flush(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        json.Flush();
        // "\n" whatever the platform: the same store gives the same bytes everywhere. One write per line.
        buffer.Write("\n"u8);
        output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        buffer.ResetWrittenCount();
        json.Reset();
    }

    private static JsonDocument Parse(string line, string source, int lineNumber)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw Malformed(source, lineNumber, ex.Message);
        }
    }

    private static CellRadarException Malformed(string source, int line, string detail) =>
        new(new CellRadarError(ErrorCode.MalformedJson, $"{source}:{line.ToString(CultureInfo.InvariantCulture)}", detail));
}
