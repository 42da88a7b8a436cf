using ProgramOps.Web.Features.Interviews;

namespace ProgramOps.UnitTests.Interviews;

public sealed class CandidateDrawTests
{
    private static readonly long[] Pool = [.. Enumerable.Range(1, 40).Select(i => (long)i * 10)];

    [Fact]
    public void The_same_pool_and_seed_draw_the_same_people_whatever_order_the_pool_comes_in()
    {
        var first = CandidateDraw.Pick(Pool, new HashSet<long>(), 5, 12345);
        var again = CandidateDraw.Pick(Pool.Reverse(), new HashSet<long>(), 5, 12345);

        Assert.Equal(5, first.Count);
        Assert.Equal(first, again);
        Assert.Equal(5, first.Distinct().Count());
        Assert.All(first, id => Assert.Contains(id, Pool));
    }

    [Fact]
    public void The_draw_is_pinned_so_a_recorded_seed_gives_the_same_people_on_any_runtime()
    {
        // Computed apart from this code (SplitMix64 from seed 1, a partial Fisher–Yates over ids 10..400, in Python).
        Assert.Equal([260L, 210L, 170L], CandidateDraw.Pick(Pool, new HashSet<long>(), 3, 1));
    }

    [Fact]
    public void Another_seed_draws_other_people()
    {
        var draws = Enumerable.Range(1, 20).Select(seed => string.Join(",", CandidateDraw.Pick(Pool, new HashSet<long>(), 5, seed))).Distinct();
        Assert.True(draws.Count() > 15);
    }

    [Fact]
    public void People_excluded_are_never_drawn_and_a_small_pool_gives_everyone_left()
    {
        var excluded = new HashSet<long>(Pool.Take(37));

        var drawn = CandidateDraw.Pick(Pool, excluded, 5, 7);

        Assert.Equal([380L, 390L, 400L], drawn.Order());
    }

    [Fact]
    public void Every_person_is_about_equally_likely_to_be_drawn()
    {
        var counts = new Dictionary<long, int>();
        for (var seed = 0; seed < 4000; seed++)
        {
            foreach (var id in CandidateDraw.Pick(Pool, new HashSet<long>(), 5, seed)) counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        // 4,000 draws of 5 from 40: 500 each expected; a fair draw stays within ±25 % of it.
        Assert.Equal(40, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 375, 625));
    }
}
