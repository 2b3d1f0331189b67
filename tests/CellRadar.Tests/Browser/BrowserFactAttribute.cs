namespace CellRadar.Tests.Browser;

/// <summary>
/// A test that needs Debian's Chromium at <see cref="BrowserSession.ChromiumPath"/>. Without it the test is skipped
/// with the reason on a developer's machine, but runs (and fails) under CI=true, where .ci/run installs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserSession.ChromiumPath) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"{BrowserSession.ChromiumPath} is missing (install Debian's chromium package to run the browser tests)";
    }
}
