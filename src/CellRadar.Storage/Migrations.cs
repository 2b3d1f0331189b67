using System.Globalization;

namespace CellRadar.Storage;

/// <summary>The numbered schema migrations embedded in this assembly (<c>Migrations/NNNN_name.sql</c>).</summary>
public static class Migrations
{
    private const string Prefix = "CellRadar.Storage.Migrations.";

    private static readonly Lazy<IReadOnlyList<(int Version, string Name, string Sql)>> All = new(Load);

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts => All.Value;

    /// <summary>The newest schema version this program knows.</summary>
    public static int Latest => All.Value[^1].Version;

    private static IReadOnlyList<(int, string, string)> Load()
    {
        var assembly = typeof(Migrations).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            var name = resource[Prefix.Length..];
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
                throw new InvalidOperationException($"Migrations {scripts[i - 1].Item2} and {scripts[i].Item2} share version {scripts[i].Item1}.");
        }
        return scripts;
    }
}
