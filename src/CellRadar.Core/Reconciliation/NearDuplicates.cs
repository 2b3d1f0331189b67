using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace CellRadar.Core.Reconciliation;

/// <summary>
/// Near-duplicate detection for reprints: a MinHash signature of an item's cleaned text (word 4-shingles, lower
/// case, letters and digits only, <see cref="Hashes"/> hash functions). Two items are near-duplicates when at
/// least <see cref="MinAgreeing"/> of the signature positions agree (an estimated resemblance of 0.8 or more)
/// <em>and</em> at least one of their <see cref="Bands"/> bands of <see cref="Rows"/> positions is equal, which is
/// what the store looks items up by. Both tests depend only on the two signatures, so the relation is symmetric
/// and does not depend on which item came first. Eight-row bands keep look-ups cheap on corpora whose articles
/// share stock phrases (a pair with resemblance 0.3 shares a band once in 2,000); the price is recall on the
/// loosest reprints: a pair with resemblance 0.9 is found 99% of the time, 0.8 about 77%.
/// </summary>
public static class NearDuplicates
{
    public const int Hashes = 64;
    public const int Rows = 8;
    public const int Bands = Hashes / Rows;
    public const int MinAgreeing = 52;

    /// <summary>Texts shorter than this many shingles get no signature: too short to tell a reprint from a coincidence.</summary>
    public const int MinShingles = 8;

    private const int ShingleWords = 4;

    private static readonly ulong[] Seeds = MakeSeeds();

    /// <summary>The signature of a text, or null when the text is too short to have one.</summary>
    public static ulong[]? Signature(string text)
    {
        var mins = new ulong[Hashes];
        Array.Fill(mins, ulong.MaxValue);
        Span<ulong> window = stackalloc ulong[ShingleWords];
        var words = 0;
        var shingles = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            if (i >= text.Length) break;
            // FNV-1a over the word's lower-case characters.
            var h = 14695981039346656037UL;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                h = (h ^ char.ToLowerInvariant(text[i])) * 1099511628211UL;
                i++;
            }
            window[words % ShingleWords] = h;
            words++;
            if (words < ShingleWords) continue;
            // The shingle's hash combines its words in order (rotations keep "a b" apart from "b a").
            ulong s = 0;
            for (var k = 0; k < ShingleWords; k++)
                s ^= ulong.RotateLeft(window[(words - ShingleWords + k) % ShingleWords], 17 * k);
            shingles++;
            Fold(s, mins);
        }
        return shingles < MinShingles ? null : mins;
    }

    /// <summary>How many signature positions agree.</summary>
    public static int Agreeing(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var n = 0;
        for (var i = 0; i < Hashes; i++) if (a[i] == b[i]) n++;
        return n;
    }

    public static bool AreNear(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) => Agreeing(a, b) >= MinAgreeing && ShareBand(a, b);

    /// <summary>True when some band has all its positions equal: the items are look-up candidates of each other.</summary>
    public static bool ShareBand(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        for (var band = 0; band < Bands; band++)
        {
            if (a.Slice(band * Rows, Rows).SequenceEqual(b.Slice(band * Rows, Rows))) return true;
        }
        return false;
    }

    /// <summary>One key per band (its rows hashed together), for the lookup index.</summary>
    public static long[] BandKeys(ReadOnlySpan<ulong> signature)
    {
        var keys = new long[Bands];
        for (var b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b;
            for (var r = 0; r < Rows; r++) h = Mix(h ^ signature[(b * Rows) + r]);
            // Kept to 62 bits: a plain signed integer column in any database, never a negative-zero edge.
            keys[b] = (long)(h >> 2);
        }
        return keys;
    }

    public static byte[] ToBytes(ReadOnlySpan<ulong> signature)
    {
        var bytes = new byte[signature.Length * 8];
        for (var i = 0; i < signature.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), signature[i]);
        return bytes;
    }

    public static ulong[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Hashes * 8) throw new InvalidDataException($"A signature is {Hashes * 8} bytes, not {bytes.Length}.");
        var signature = new ulong[Hashes];
        for (var i = 0; i < Hashes; i++) signature[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]);
        return signature;
    }

    /// <summary>
    /// Lowers each position of <paramref name="mins"/> to the shingle's hash under that position's seed. This runs
    /// 64 times per word of every stored item, so it works on as many positions at once as the CPU's vectors hold;
    /// the result is the same bit for bit as the scalar loop (the fallback), which is what stored signatures need.
    /// </summary>
    private static void Fold(ulong shingle, ulong[] mins)
    {
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(shingle);
            for (; j <= Hashes - Vector512<ulong>.Count; j += Vector512<ulong>.Count)
            {
                var v = Mix(s ^ Vector512.Create(Seeds.AsSpan(j, Vector512<ulong>.Count)));
                Vector512.Min(v, Vector512.Create(mins.AsSpan(j, Vector512<ulong>.Count))).CopyTo(mins.AsSpan(j));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(shingle);
            for (; j <= Hashes - Vector256<ulong>.Count; j += Vector256<ulong>.Count)
            {
                var v = Mix(s ^ Vector256.Create(Seeds.AsSpan(j, Vector256<ulong>.Count)));
                Vector256.Min(v, Vector256.Create(mins.AsSpan(j, Vector256<ulong>.Count))).CopyTo(mins.AsSpan(j));
            }
        }
        for (; j < Hashes; j++)
        {
            var v = Mix(shingle ^ Seeds[j]);
            if (v < mins[j]) mins[j] = v;
        }
    }

    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >>> 31);
    }

    private static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >>> 31);
    }

    // SplitMix64's finaliser: spreads every input bit over the output.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        // Fixed seeds: signatures stored by one run must compare with the next run's.
        var seeds = new ulong[Hashes];
        var x = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < Hashes; i++)
        {
            x += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(x);
        }
        return seeds;
    }
}
