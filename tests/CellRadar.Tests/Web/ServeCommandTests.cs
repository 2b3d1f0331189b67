namespace CellRadar.Tests.Web;

/// <summary>What <c>serve</c> refuses before it starts listening.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_refuses_a_postgresql_store_with_a_clear_message_and_no_password_shown()
    {
        var run = CliRun.Run("serve", "--db", "Host=127.0.0.1;Port=1;Database=cellradar;Username=radar;Password=hunter2", "--urls", "http://127.0.0.1:0");
        Assert.Equal(ExitCodes.BadUsage, run.ExitCode);
        Assert.Contains("SQLite", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Error + run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("CellRadar is serving", run.Out, StringComparison.Ordinal);
    }
}
