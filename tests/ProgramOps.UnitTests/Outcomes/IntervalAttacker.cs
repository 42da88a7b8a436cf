using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.UnitTests.Outcomes;

/// <summary>
/// A reader trying to recover hidden figures, independently of the production audit: bounds propagation using that
/// counts are never negative and that every relation adds up (the classic interval attack on a suppressed table).
/// </summary>
public static class IntervalAttacker
{
    /// <returns>Hidden figures (or hidden parts of a relation together) pinned to 1 to k − 1 people.</returns>
    public static IReadOnlyList<string> SmallGroupsRecovered(FigureSet figures, Func<string, bool> isShown, int k)
    {
        var names = figures.Values.Keys.ToList();
        var upperLimit = figures.Values.Values.DefaultIfEmpty(0).Sum();
        var lo = names.ToDictionary(n => n, n => isShown(n) ? figures.Value(n) : 0);
        var hi = names.ToDictionary(n => n, n => isShown(n) ? figures.Value(n) : upperLimit);

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var r in figures.Relations)
            {
                changed |= Tighten(r.Total, r.Parts.Sum(p => lo[p]), r.Parts.Sum(p => hi[p]));
                foreach (var part in r.Parts)
                {
                    var others = r.Parts.Where(p => p != part).ToList();
                    changed |= Tighten(part, lo[r.Total] - others.Sum(p => hi[p]), hi[r.Total] - others.Sum(p => lo[p]));
                }
            }
        }

        var recovered = names.Where(n => !isShown(n) && lo[n] == hi[n] && lo[n] is > 0 && lo[n] < k).ToList();
        foreach (var r in figures.Relations.Where(r => isShown(r.Total)))
        {
            var hidden = r.Parts.Where(p => !isShown(p)).ToList();
            if (hidden.Count < 2) continue;
            var known = figures.Value(r.Total) - r.Parts.Where(isShown).Sum(figures.Value);
            if (known is > 0 && known < k) recovered.Add($"{string.Join("+", hidden)} of {r.Total}");
        }

        return recovered;

        bool Tighten(string name, int newLo, int newHi)
        {
            var tightened = false;
            if (newLo > lo[name]) { lo[name] = newLo; tightened = true; }
            if (newHi < hi[name]) { hi[name] = newHi; tightened = true; }
            return tightened;
        }
    }
}
