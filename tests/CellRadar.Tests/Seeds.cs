namespace CellRadar.Tests;

/// <summary>
/// The shared development corpus: <c>../shared/seeds</c> beside the repository (test.sh uses the same path).
/// Its items are real scraped pages and are not copied into the repository.
/// </summary>
public static class Seeds
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "CellRadar.slnx"))) continue;
                var seeds = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "seeds"));
                if (Directory.Exists(seeds)) return seeds;
                throw new DirectoryNotFoundException($"The seed corpus is expected at {seeds} (../shared/seeds beside the repository).");
            }
            throw new DirectoryNotFoundException("No CellRadar.slnx above the test folder: cannot find ../shared/seeds.");
        }
    }

    /// <summary>The item files of the seeds (not the README, not gold).</summary>
    public static string[] Items => [.. Directory.GetFiles(Folder, "*.txt").Order(StringComparer.Ordinal)];
}
