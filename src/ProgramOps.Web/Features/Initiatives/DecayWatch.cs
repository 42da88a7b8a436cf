using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>One week's counts of the target metric in each arm, by team (a before/after design has one "team" per arm).</summary>
public sealed record WeekCounts(IReadOnlyDictionary<long, Rate> Treatment, IReadOnlyDictionary<long, Rate> Control);

/// <summary>The effect measured at the end of a week over the rolling window that ends there, and whether it is wearing off.</summary>
public sealed record EffectPoint(int Week, RateDifference Effect, bool WearingOff);

public enum WatchAction { None, Open, Resolve }

/// <summary>
/// The decay watch's rules, without I/O: the weekly effect over a rolling window, judged against the first measured effect,
/// and whether the "initiative wearing off" CS action should open or be resolved.
/// </summary>
public static class DecayWatch
{
    /// <summary>
    /// A point for each week that closes a full window: the counts of the window's weeks summed team by team, the effect
    /// taken team by team (cluster-aware) when <paramref name="byTeam"/>, else person by person. Weeks before the first full
    /// window give no point, because the first point is the yardstick of every later one and must rest on a whole window.
    /// A week whose effect cannot be measured (an arm empty) gives no point.
    /// </summary>
    public static IReadOnlyList<EffectPoint> Points(IReadOnlyList<WeekCounts> weeks, int window, bool byTeam, double share)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        return Judged(Enumerable.Range(window - 1, Math.Max(0, weeks.Count - window + 1)).Select(end =>
        {
            var inWindow = weeks.Skip(end - window + 1).Take(window).ToArray();
            var treatment = SumByTeam(inWindow.Select(w => w.Treatment));
            var control = SumByTeam(inWindow.Select(w => w.Control));
            return (end, byTeam ? ClusterEffect.Between(treatment, control) : RateDifference.Between(Pool(treatment), Pool(control)));
        }), share);
    }

    /// <summary>
    /// As <see cref="Points"/> for a before/after design: each full window's pooled weekly counts against one fixed
    /// baseline (the same population before the start), person by person.
    /// </summary>
    public static IReadOnlyList<EffectPoint> PointsAgainst(IReadOnlyList<Rate> weeks, Rate baseline, int window, double share)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        return Judged(Enumerable.Range(window - 1, Math.Max(0, weeks.Count - window + 1)).Select(end =>
            (end, RateDifference.Between(Pool([.. weeks.Skip(end - window + 1).Take(window)]), baseline))), share);
    }

    /// <summary>The measurable windows in order, each judged against the first measured one.</summary>
    private static List<EffectPoint> Judged(IEnumerable<(int End, RateDifference? Effect)> windows, double share)
    {
        var points = new List<EffectPoint>();
        foreach (var (end, effect) in windows)
        {
            if (effect is null) continue;
            var first = points.Count == 0 ? effect : points[0].Effect;
            points.Add(new EffectPoint(end, effect, DecayRule.IsWearingOff(first, effect, share)));
        }

        return points;
    }

    /// <summary>Opens the action when the latest point wears off and none is open; resolves the open one when the effect has recovered.</summary>
    public static WatchAction ActionFor(EffectPoint? latest, bool actionOpen) => (latest?.WearingOff, actionOpen) switch
    {
        (true, false) => WatchAction.Open,
        (false, true) => WatchAction.Resolve,
        _ => WatchAction.None,
    };

    private static Rate[] SumByTeam(IEnumerable<IReadOnlyDictionary<long, Rate>> weeks) =>
        weeks.SelectMany(w => w)
            .GroupBy(team => team.Key, team => team.Value)
            .Select(team => new Rate(team.Sum(r => r.Count), team.Sum(r => r.Total)))
            .ToArray();

    private static Rate Pool(Rate[] teams) => new(teams.Sum(r => r.Count), teams.Sum(r => r.Total));
}
