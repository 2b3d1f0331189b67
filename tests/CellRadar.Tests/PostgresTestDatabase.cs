using Npgsql;

namespace CellRadar.Tests;

/// <summary>
/// A fresh, empty PostgreSQL database on the server <c>CELLRADAR_TEST_PG</c> names, dropped on dispose. Without a
/// server the connection string is empty: the test using it is skipped before it matters (see <see cref="PostgresFactAttribute"/>).
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    public PostgresTestDatabase(string prefix)
    {
        if (PostgresFactAttribute.AdminConnectionString is not { } admin) return;
        var name = prefix + Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(admin);
        connection.Open();
        using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        create.ExecuteNonQuery();
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>The database's connection string; empty when no server is configured.</summary>
    public string ConnectionString { get; } = "";

    public void Dispose()
    {
        if (ConnectionString.Length == 0) return;
        using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        using var connection = new NpgsqlConnection(PostgresFactAttribute.AdminConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(ConnectionString).Database} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
