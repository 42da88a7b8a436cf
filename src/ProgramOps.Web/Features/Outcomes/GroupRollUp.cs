namespace ProgramOps.Web.Features.Outcomes;

/// <summary>A breakdown group as shown: one or several neighbouring groups, with the people in it.</summary>
public sealed record RolledUpGroup(IReadOnlyList<string> Members, int People)
{
    public bool IsRolledUp => Members.Count > 1;
}

/// <summary>
/// Breakdown groups in their natural order (age bands) where a group of fewer than k people joins its smaller
/// neighbour until it holds k; if everyone together is fewer than k, nothing is broken down.
/// </summary>
public static class GroupRollUp
{
    public static IReadOnlyList<RolledUpGroup> Merge(IReadOnlyList<(string Name, int People)> groups, int k)
    {
        var merged = groups.Where(g => g.People > 0).Select(g => new RolledUpGroup([g.Name], g.People)).ToList();
        if (merged.Sum(g => g.People) < k) return [];

        while (merged.FindIndex(g => g.People < k) is var small && small >= 0)
        {
            var neighbour = small == 0 ? 1
                : small == merged.Count - 1 ? small - 1
                : merged[small - 1].People <= merged[small + 1].People ? small - 1 : small + 1;
            var (first, second) = small < neighbour ? (small, neighbour) : (neighbour, small);
            merged[first] = new RolledUpGroup([.. merged[first].Members, .. merged[second].Members], merged[first].People + merged[second].People);
            merged.RemoveAt(second);
        }

        return merged;
    }
}
