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
    /// <param name="population">How many people the report about to be issued counts.</param>
    /// <param name="issued">Each issued report of the client: its number, how many it counted, and how many of those the new one counts too.</param>
    public static DifferencingConflict? Check(int population, IEnumerable<(int VersionNumber, int Population, int Shared)> issued, int k)
    {
        foreach (var (number, other, shared) in issued)
        {
            var differing = population - shared + (other - shared);
            if (differing > 0 && differing < k) return new DifferencingConflict(number, differing);
        }

        return null;
    }
}
