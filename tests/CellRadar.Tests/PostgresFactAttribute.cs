namespace CellRadar.Tests;

/// <summary>
/// A test that needs the PostgreSQL server named by <c>CELLRADAR_TEST_PG</c> (started by ./test.sh with
/// scripts/postgres-for-tests.sh): skipped with the reason on a machine without one, never skipped under CI=true
/// (there it runs and fails on connecting).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string EnvironmentVariable = "CELLRADAR_TEST_PG";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } s ? s : null;

    public PostgresFactAttribute()
    {
        if (AdminConnectionString is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = $"no PostgreSQL server: set {EnvironmentVariable} to a connection string (./test.sh starts one with scripts/postgres-for-tests.sh)";
    }
}
