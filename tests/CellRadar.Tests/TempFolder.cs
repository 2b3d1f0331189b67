namespace CellRadar.Tests;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cellradar-cli-").FullName;

    public string Database => System.IO.Path.Combine(Path, "db", "test.db");

    public string File(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    public string Folder(string relative) => Directory.CreateDirectory(System.IO.Path.Combine(Path, relative)).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
