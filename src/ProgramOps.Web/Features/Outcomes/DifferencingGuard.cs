namespace ProgramOps.Web.Features.Outcomes;

/// <summary>An issued report whose population is too close to the one about to be issued.</summary>
public sealed record DifferencingConflict(int IssuedVersionNumber, int PeopleDiffering);

/// <summary>
/// Two reports for one client about populations that differ by a few people let a reader subtract one from the other
/// and learn about those few. "Population" is the set of participants a report counts (everyone invited in its scope);
/// two populations differ by the people in one and not the other (the symmetric difference). Issuing is refused when
/// that is 1 to k − 1 people for any report already issued for the client. The same people again (a re-issue, a
/// later report on the same cohort) differ by 0 and are allowed: what changes then is what those people did, not
/// who they are.
/// </summary>
public static class DifferencingGuard
{
    public static DifferencingConflict? Check(
        IReadOnlySet<long> population, IEnumerable<(int VersionNumber, IReadOnlySet<long> Population)> issued, int k)
    {
        foreach (var (number, other) in issued)
        {
            var differing = population.Count(id => !other.Contains(id)) + other.Count(id => !population.Contains(id));
            if (differing > 0 && differing < k) return new DifferencingConflict(number, differing);
        }

        return null;
    }
}
