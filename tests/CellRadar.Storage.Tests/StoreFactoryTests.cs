using CellRadar.Core.Errors;

namespace CellRadar.Storage.Tests;

/// <summary>Which engine a <c>--db</c> value opens, and how a server that cannot be reached is reported. No server needed.</summary>
public sealed class StoreFactoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cellradar-factory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("Host=db.internal;Database=cellradar;Username=worker", true)]
    [InlineData("host=10.0.0.5; port=5433; database=cr", true)]
    [InlineData("cellradar.db", false)]
    [InlineData("data/team/cellradar.db", false)]
    [InlineData(@"C:\Users\ana\cellradar.db", false)]
    [InlineData("odd=name.db", false)]
    [InlineData("Database=cellradar", false)]
    public void A_value_with_a_host_opens_postgres_and_anything_else_is_a_sqlite_path(string value, bool postgres) =>
        Assert.Equal(postgres, StoreFactory.IsPostgres(value));

    [Fact]
    public void A_path_opens_a_sqlite_file_there_and_the_environment_is_used_without_the_option()
    {
        var path = Path.Combine(_folder, "from-env.db");
        using (var store = StoreFactory.Open(null, name => name == StoreLocation.EnvironmentVariable ? path : null))
            Assert.IsType<SqliteEventStore>(store);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_server_that_does_not_answer_gives_E204_without_the_password()
    {
        // Port 1 on the loopback address: nothing listens there, so the connection is refused at once.
        const string value = "Host=127.0.0.1;Port=1;Database=cellradar;Username=worker;Password=Very-Secret-123;Timeout=5";
        var ex = Assert.Throws<CellRadarException>(() => StoreFactory.Open(value));
        Assert.Equal(ErrorCode.StoreServerUnreachable, ex.Error.Code);
        Assert.StartsWith("E204 database server unreachable: postgresql://worker@127.0.0.1:1/cellradar", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Very-Secret-123", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal("postgresql://worker@127.0.0.1:1/cellradar", StoreFactory.Describe(value));
    }
}
