using Npgsql;

namespace CellRadar.Storage.Tests;

/// <summary>
/// The PostgreSQL server the tests may use: <c>CELLRADAR_TEST_PG</c> is a connection string to a database on a
/// server where the tests may create and drop databases (<c>scripts/postgres-for-tests.sh</c> starts one).
/// Each test gets a database of its own, so tests never see each other's rows.
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "CELLRADAR_TEST_PG";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } s ? s : null;

    /// <summary>
    /// Why PostgreSQL tests are skipped, or null when they run. On a developer's machine without a server they are
    /// skipped with this reason; in CI (CI=true) never: there a missing server is a failing test, not a skipped one.
    /// </summary>
    public static string? SkipReason =>
        AdminConnectionString is not null || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"no PostgreSQL server: set {EnvironmentVariable} to a connection string (./test.sh starts one with scripts/postgres-for-tests.sh)";

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    public static string CreateDatabase()
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException(
            $"{EnvironmentVariable} is not set, and CI=true forbids skipping the PostgreSQL tests: start a server with scripts/postgres-for-tests.sh");
        var name = "cellradar_t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever connections still use it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
        cmd.ExecuteNonQuery();
    }
}
