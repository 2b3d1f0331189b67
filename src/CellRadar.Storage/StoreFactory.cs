using CellRadar.Core.Reconciliation;
using Npgsql;

namespace CellRadar.Storage;

/// <summary>
/// Opens the store a <c>--db</c> value (or <c>CELLRADAR_DB</c>) names: a PostgreSQL connection string
/// (<c>Host=db.internal;Database=cellradar;Username=...</c>) opens PostgreSQL, anything else is a SQLite file path.
/// </summary>
public static class StoreFactory
{
    /// <summary>Resolves the location as <see cref="StoreLocation"/> does, then opens and migrates the store there.</summary>
    public static IEventStore Open(string? option, Func<string, string?> environment, TimeProvider? time = null, TrustPolicy? trust = null) =>
        Open(StoreLocation.Resolve(option, environment), time, trust);

    /// <summary>Opens and migrates the store at <paramref name="location"/>; <paramref name="trust"/> (default: the built-in trust file) weighs sources when facts are reconciled.</summary>
    public static IEventStore Open(string location, TimeProvider? time = null, TrustPolicy? trust = null) =>
        IsPostgres(location) ? PostgresEventStore.Open(location, time, trust) : SqliteEventStore.Open(location, time, trust);

    /// <summary>
    /// True for a value that parses as an Npgsql connection string with a host. A file path never does: it has no
    /// "key=value" pairs, and a name that happens to contain '=' has no known keyword, so parsing it fails.
    /// </summary>
    public static bool IsPostgres(string location)
    {
        if (!location.Contains('=', StringComparison.Ordinal)) return false;
        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(location).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>How a location is shown to people: a file path as it is, a connection string without its password.</summary>
    public static string Describe(string location) =>
        IsPostgres(location) ? PostgresEventStore.Describe(new NpgsqlConnectionStringBuilder(location)) : location;
}
