namespace ProgramOps.Web.Features.Interviews;

/// <summary>
/// Draws interview candidates at random from a pool, reproducibly: the same pool, exclusions, number and seed give the same
/// people on any machine and any .NET version, because the generator is our own (SplitMix64) rather than
/// <see cref="Random"/>, whose sequence for a seed is not promised to stay. No I/O.
/// </summary>
public static class CandidateDraw
{
    public const int MaxCandidates = 50;

    /// <summary>Up to <paramref name="count"/> ids of <paramref name="pool"/> not in <paramref name="excluded"/>, in the order drawn.</summary>
    public static IReadOnlyList<long> Pick(IEnumerable<long> pool, IReadOnlySet<long> excluded, int count, int seed)
    {
        var eligible = pool.Where(id => !excluded.Contains(id)).Distinct().Order().ToArray();
        var take = Math.Min(count, eligible.Length);
        var state = unchecked((ulong)seed);
        // A partial Fisher–Yates shuffle: only the first `take` places are decided.
        for (var i = 0; i < take; i++)
        {
            var j = i + (int)(Next(ref state) % (ulong)(eligible.Length - i));
            (eligible[i], eligible[j]) = (eligible[j], eligible[i]);
        }

        return eligible[..take];
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
