using System.Diagnostics;

namespace CellRadar.Tests;

/// <summary>Starts the built <c>cellradar</c> as a real child process on the same runtime as the tests.</summary>
internal static class BuiltApp
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        // The app's dll is copied next to the tests by the project reference; `dotnet` runs it.
        var dll = Path.Combine(AppContext.BaseDirectory, "cellradar.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }
}
