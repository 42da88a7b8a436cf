using ProgramOps.Web.Features.Interviews;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>
/// Splits a cohort's teams at random into treatment and control for a team-level experiment: a reproducible shuffle of
/// the team ids by the stored seed (the interview draw's own generator, stable across machines and .NET versions), the
/// first half to treatment. Balanced: the arms differ by at most one team, the odd one going to treatment. No I/O.
/// </summary>
public static class ExperimentArms
{
    public static (IReadOnlyList<long> Treatment, IReadOnlyList<long> Control) Assign(IReadOnlyCollection<long> teamIds, int seed)
    {
        var shuffled = CandidateDraw.Pick(teamIds, new HashSet<long>(), teamIds.Count, seed);
        var treatmentSize = (shuffled.Count + 1) / 2;
        return (shuffled.Take(treatmentSize).Order().ToArray(), shuffled.Skip(treatmentSize).Order().ToArray());
    }
}
