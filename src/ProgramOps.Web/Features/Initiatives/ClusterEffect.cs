using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>
/// The effect of a team-level experiment (treatment minus control) with a cluster-level 95% t-interval: each team's
/// rate is one observation, and the interval is the pooled-variance two-sample t on those rates with
/// (treatment teams + control teams − 2) degrees of freedom (Hayes &amp; Moulton, "Cluster Randomised Trials", ch. 9).
/// Teams, not people, are the unit because peers in a team talk and move together. We chose this over a design-effect
/// adjustment because DEFF needs the intra-team correlation, and an ICC estimated from a cohort's few dozen teams is too
/// unstable to trust; the t-interval needs no ICC, stays valid for few teams, and its width comes from the spread the
/// teams really show. Teams with no one counted carry no rate and are left out. Null when either arm has fewer than two
/// teams with a rate, where no spread can be seen.
/// </summary>
public static class ClusterEffect
{
    public static RateDifference? Between(IEnumerable<Rate> treatmentTeams, IEnumerable<Rate> controlTeams)
    {
        var treatment = TeamShares(treatmentTeams);
        var control = TeamShares(controlTeams);
        if (treatment.Length < 2 || control.Length < 2) return null;

        var degreesOfFreedom = treatment.Length + control.Length - 2;
        var pooledVariance = (SumOfSquares(treatment) + SumOfSquares(control)) / degreesOfFreedom;
        var standardError = Math.Sqrt(pooledVariance * (1.0 / treatment.Length + 1.0 / control.Length));
        var difference = treatment.Average() - control.Average();
        var half = StudentT.Quantile975(degreesOfFreedom) * standardError;
        return new RateDifference(difference, difference - half, difference + half);
    }

    private static double[] TeamShares(IEnumerable<Rate> teams) => teams.Where(t => t.Total > 0).Select(t => t.Share).ToArray();

    private static double SumOfSquares(double[] shares)
    {
        var mean = shares.Average();
        return shares.Sum(s => (s - mean) * (s - mean));
    }
}
