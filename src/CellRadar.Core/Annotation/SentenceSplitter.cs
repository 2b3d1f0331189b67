using System.Buffers;
using CellRadar.Core.Model;
using CellRadar.Core.Pipeline;

namespace CellRadar.Core.Annotation;

/// <summary>
/// Splits the cleaned text into sentences. Every line is at least one sentence (scraped text puts
/// headlines and paragraphs on lines of their own); inside a line a sentence ends at . ! or ? followed
/// by white space and a capital, digit or quote, unless the dot ends a known abbreviation or an initial.
/// </summary>
public sealed class SentenceSplitter : IPipelineComponent
{
    // Abbreviations after which a dot does not end a sentence (compared case-insensitively, without the dot).
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "co", "corp", "inc", "ltd", "llc", "plc", "dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "vs", "etc",
        "e.g", "i.e", "u.s", "u.k", "u.n", "approx", "fig", "ref", "vol", "dept", "est", "jr", "sr", "gov", "univ",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed",
        "thu", "fri", "sat", "sun", "ph.d", "m.d", "al", "bros", "int'l", "s.a", "n.v", "a.g", "b.v", "pte",
    };

    private static readonly SearchValues<char> Enders = SearchValues.Create(".!?\n");

    public string Name => "sentences";
    public IReadOnlyList<string> Needs { get; } = [Layer.CleanText];
    public IReadOnlyList<string> Adds { get; } = [Layer.Sentences];

    public void Process(Document document)
    {
        document.Sentences.Clear();
        Split(document.Text, document.Sentences);
    }

    public static void Split(string text, List<TextSpan> output)
    {
        var start = 0;
        var pos = 0;
        var span = text.AsSpan();
        while (pos < text.Length)
        {
            var rel = span[pos..].IndexOfAny(Enders);
            if (rel < 0) break;
            var i = pos + rel;
            if (text[i] == '\n')
            {
                Emit(text, start, i, output);
                start = i + 1;
                pos = i + 1;
                continue;
            }
            // Swallow closing quotes and brackets after the mark, and repeated marks ("?!", "...").
            var end = i + 1;
            while (end < text.Length && (text[end] is '.' or '!' or '?' or '"' or '\u201D' or '\u2019' or '\'' or ')')) end++;
            if (IsBoundary(text, i, end))
            {
                Emit(text, start, end, output);
                start = end;
            }
            pos = end;
        }
        Emit(text, start, text.Length, output);
    }

    private static bool IsBoundary(string text, int mark, int end)
    {
        if (end >= text.Length) return true;
        if (!char.IsWhiteSpace(text[end])) return false;
        var next = end;
        while (next < text.Length && text[next] == ' ') next++;
        if (next >= text.Length || text[next] == '\n') return true;
        var c = text[next];
        if (!(char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\u201C' or '\u2018' or '\'' or '(' or '[')) return false;
        if (text[mark] != '.') return true;
        // The word before the dot: an abbreviation or a single capital (an initial) does not end a sentence.
        var w = mark;
        while (w > 0 && (char.IsLetter(text[w - 1]) || text[w - 1] == '.' || text[w - 1] == '\'')) w--;
        var word = text.AsSpan(w, mark - w);
        if (word.Length == 1 && char.IsUpper(word[0])) return false;
        if (word.Length > 0 && Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return false;
        return true;
    }

    private static void Emit(string text, int start, int end, List<TextSpan> output)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) output.Add(new TextSpan(start, end));
    }
}
