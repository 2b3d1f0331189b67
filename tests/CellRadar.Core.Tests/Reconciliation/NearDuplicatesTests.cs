using CellRadar.Core.Reconciliation;

namespace CellRadar.Core.Tests.Reconciliation;

public sealed class NearDuplicatesTests
{
    private const string Story =
        "The Health Sciences Authority has accepted the marketing application for a BCMA-directed cell therapy made by a " +
        "Nanjing company. The filing covers adults whose myeloma came back after three earlier lines of treatment. The " +
        "company expects a decision next year and is preparing a local supply chain with a hospital partner. Its chief " +
        "executive said the review would test how quickly autologous products can be shipped across the region.";

    [Fact]
    public void The_vectorised_signature_equals_the_plain_minhash_definition_bit_for_bit()
    {
        // Stored signatures are compared with new ones: the fast path must give exactly what the definition gives.
        var texts = new[] { Story, Story.ToUpperInvariant() + " 2025 BCMA CAR-T", string.Join(' ', Enumerable.Range(0, 500).Select(i => $"w{i * 7919 % 1000}")) };
        foreach (var text in texts) Assert.Equal(ReferenceSignature(text), NearDuplicates.Signature(text));
    }

    /// <summary>MinHash as the type documents it, one seed at a time: word 4-shingles of lower-case FNV-1a word hashes.</summary>
    private static ulong[] ReferenceSignature(string text)
    {
        static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
        var seeds = new ulong[NearDuplicates.Hashes];
        var x = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < seeds.Length; i++) { x += 0x9E3779B97F4A7C15UL; seeds[i] = Mix(x); }
        var words = new List<ulong>();
        foreach (var word in System.Text.RegularExpressions.Regex.Split(text, @"[^\p{L}\p{Nd}]+"))
        {
            if (word.Length == 0) continue;
            var h = 14695981039346656037UL;
            foreach (var c in word) h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
            words.Add(h);
        }
        var mins = Enumerable.Repeat(ulong.MaxValue, NearDuplicates.Hashes).ToArray();
        for (var w = 3; w < words.Count; w++)
        {
            ulong s = 0;
            for (var k = 0; k < 4; k++) s ^= ulong.RotateLeft(words[w - 3 + k], 17 * k);
            for (var j = 0; j < mins.Length; j++) mins[j] = Math.Min(mins[j], Mix(s ^ seeds[j]));
        }
        return mins;
    }

    [Fact]
    public void A_reprint_under_a_different_header_is_a_near_duplicate()
    {
        var reprint = "Reposted from our partner site | Asia Biotech Digest | 3 min read\n\n" + Story + "\n\nShare this article";
        Assert.True(NearDuplicates.AreNear(NearDuplicates.Signature(Story)!, NearDuplicates.Signature(reprint)!));
    }

    [Fact]
    public void A_different_story_on_the_same_topic_is_not_a_near_duplicate()
    {
        const string other =
            "A CD19 cell therapy received conditional approval in Japan for children with leukaemia, the health ministry " +
            "said. The sponsor will run a post-marketing study and report survival data to the regulator within five years, " +
            "and it plans to apply in Korea and Taiwan once manufacturing capacity in Osaka doubles.";
        Assert.False(NearDuplicates.AreNear(NearDuplicates.Signature(Story)!, NearDuplicates.Signature(other)!));
    }

    [Fact]
    public void A_lightly_edited_reprint_shares_a_band_so_the_lookup_finds_it()
    {
        var reprint = "Syndicated copy\n" + Story.Replace("next year", "in the coming year", StringComparison.Ordinal);
        var a = NearDuplicates.Signature(Story)!;
        var b = NearDuplicates.Signature(reprint)!;
        Assert.True(NearDuplicates.AreNear(a, b));
        Assert.Contains(NearDuplicates.BandKeys(a).Zip(NearDuplicates.BandKeys(b)), p => p.First == p.Second);
    }

    [Fact]
    public void Case_and_punctuation_do_not_change_the_signature()
    {
        Assert.Equal(NearDuplicates.Signature(Story), NearDuplicates.Signature(Story.ToUpperInvariant().Replace(",", " ;", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_text_too_short_to_fingerprint_gets_no_signature()
    {
        Assert.Null(NearDuplicates.Signature("FDA approves a CAR-T."));
    }

    [Fact]
    public void A_signature_survives_its_stored_bytes()
    {
        var signature = NearDuplicates.Signature(Story)!;
        Assert.Equal(signature, NearDuplicates.FromBytes(NearDuplicates.ToBytes(signature)));
    }
}
