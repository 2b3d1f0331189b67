namespace CellRadar.Core.Reading;

/// <summary>The key of an item read from a file: the file name without <c>.gz</c> and without its format extension.</summary>
public static class ItemKey
{
    /// <summary><c>KEY.html.gz</c> and <c>KEY.txt</c> give <c>KEY</c>; <c>a.b.txt</c> gives <c>a.b</c> (only known layers are removed).</summary>
    public static string FromFileName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>The lower-case format extension of a name already stripped of <c>.gz</c> (<c>.txt</c>), or empty.</summary>
    public static string Extension(string fileName)
    {
        var dot = fileName.LastIndexOf('.');
        return dot < 0 || dot < fileName.LastIndexOfAny(['/', '\\']) ? "" : fileName[dot..].ToLowerInvariant();
    }
}
