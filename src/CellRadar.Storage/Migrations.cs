using System.Globalization;

namespace CellRadar.Storage;

/// <summary>
/// The numbered schema migrations embedded in this assembly: SQLite's in <c>Migrations/NNNN_name.sql</c>,
/// PostgreSQL's in <c>Migrations/Postgres/NNNN_name.sql</c>. Both engines use the same numbers, so a schema
/// version means the same tables on either.
/// </summary>
public static class Migrations
{
    private const string SqlitePrefix = "CellRadar.Storage.Migrations.";
    private const string PostgresPrefix = "CellRadar.Storage.Migrations.Postgres.";

    private static readonly Lazy<IReadOnlyList<(int Version, string Name, string Sql)>> SqliteScripts = new(() => Load(SqlitePrefix));
    private static readonly Lazy<IReadOnlyList<(int Version, string Name, string Sql)>> PostgresScripts = new(() => Load(PostgresPrefix));

    /// <summary>SQLite's migrations, in order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts => SqliteScripts.Value;

    /// <summary>PostgreSQL's migrations, in order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Postgres => PostgresScripts.Value;

    /// <summary>The newest schema version this program knows (SQLite's, the embedded default).</summary>
    public static int Latest => SqliteScripts.Value[^1].Version;

    /// <summary>The newest schema version this program can build on PostgreSQL.</summary>
    public static int LatestPostgres => PostgresScripts.Value[^1].Version;

    private static IReadOnlyList<(int, string, string)> Load(string prefix)
    {
        var assembly = typeof(Migrations).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var name = resource[prefix.Length..];
            // "Postgres.0001_initial.sql" under the SQLite prefix belongs to the other engine: a name with a
            // folder part is skipped rather than misread as a version.
            if (name.IndexOf('.', StringComparison.Ordinal) != name.LastIndexOf('.')) continue;
            var digits = name.AsSpan()[..name.IndexOf('_', StringComparison.Ordinal)];
            var version = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, name, reader.ReadToEnd()));
        }
        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        // Two scripts with one number would make "which scripts a database has" ambiguous: refuse such a list.
        // Gaps are allowed: scripts are written on parallel branches (0003 and 0004 at once), and the store applies
        // every script a database has not recorded, so one that lands below the newest applied still runs.
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Item1 == scripts[i - 1].Item1)
                throw new InvalidOperationException($"Migrations {prefix}{scripts[i - 1].Item2} and {prefix}{scripts[i].Item2} share version {scripts[i].Item1}.");
        }
        return scripts;
    }
}
