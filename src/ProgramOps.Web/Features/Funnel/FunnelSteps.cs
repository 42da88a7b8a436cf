namespace ProgramOps.Web.Features.Funnel;

/// <summary>
/// One stage of a funnel: the people who reached it (at least that far), those lost at it, those still at it, and the
/// step's conversion — of the people whose path through the previous stage is decided (moved on or lost), the share who
/// reached this one. The first stage has no conversion.
/// </summary>
public sealed record FunnelStep(FunnelStage Stage, int Reached, int LostHere, int StillHere, int? Converted, int? OutOf)
{
    public double? Conversion => OutOf is > 0 ? (double)Converted!.Value / OutOf.Value : null;
}

public static class FunnelSteps
{
    public static readonly IReadOnlyList<FunnelStage> Stages = Enum.GetValues<FunnelStage>();

    /// <summary>Counts groups of people, each placed in the funnel, into every stage in order.</summary>
    public static IReadOnlyList<FunnelStep> Count(IEnumerable<(FunnelPlace Place, int People)> groups)
    {
        var furthest = new int[Stages.Count];
        var lost = new int[Stages.Count];
        var still = new int[Stages.Count];
        foreach (var (place, people) in groups)
        {
            var stage = (int)place.Furthest;
            furthest[stage] += people;
            if (place.Lost) lost[stage] += people;
            if (place.InProgress) still[stage] += people;
        }

        var steps = new FunnelStep[Stages.Count];
        var reached = 0;
        for (var s = Stages.Count - 1; s >= 0; s--)
        {
            reached += furthest[s];
            steps[s] = new FunnelStep(Stages[s], reached, lost[s], still[s], null, null);
        }

        for (var s = 1; s < Stages.Count; s++)
        {
            steps[s] = steps[s] with { Converted = steps[s].Reached, OutOf = steps[s].Reached + lost[s - 1] };
        }

        return steps;
    }
}
