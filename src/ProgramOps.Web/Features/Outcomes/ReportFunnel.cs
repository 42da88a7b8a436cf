namespace ProgramOps.Web.Features.Outcomes;

/// <summary>The report's funnel, each stage a subset of the one before.</summary>
public enum ReportFunnelStage
{
    Invited,
    Enrolled,
    Onboarded,
    ActiveWeek1,
    ActiveWeek4,
    ActiveWeek8,
    Completed,
    Succeeded,
}

/// <summary>
/// How far each person got: invited → enrolled (linked the app) → onboarded (placed in a team and started) → active in
/// week 1, 4, 8 (checked in during that program week or a later one, or completed) → completed (answered the final
/// assessment) → succeeded. Each person is counted at the furthest stage they reached, so the stages nest.
/// </summary>
public static class ReportFunnel
{
    public static readonly IReadOnlyList<ReportFunnelStage> Stages = Enum.GetValues<ReportFunnelStage>();

    public static ReportFunnelStage Furthest(ParticipantGroup group, OutcomeKind kind)
    {
        if (!group.Enrolled) return ReportFunnelStage.Invited;
        if (group.Completed) return group.Succeeded(kind) ? ReportFunnelStage.Succeeded : ReportFunnelStage.Completed;
        return (group.LastCheckInWeek ?? 0) switch
        {
            >= 8 => ReportFunnelStage.ActiveWeek8,
            >= 4 => ReportFunnelStage.ActiveWeek4,
            >= 1 => ReportFunnelStage.ActiveWeek1,
            _ => group.Onboarded ? ReportFunnelStage.Onboarded : ReportFunnelStage.Enrolled,
        };
    }

    /// <summary>People who reached each stage (at least that far), in stage order.</summary>
    public static int[] Reached(IEnumerable<ParticipantGroup> groups, OutcomeKind kind)
    {
        var furthest = new int[Stages.Count];
        foreach (var group in groups) furthest[(int)Furthest(group, kind)] += group.People;
        var reached = new int[Stages.Count];
        for (var s = Stages.Count - 1; s >= 0; s--) reached[s] = furthest[s] + (s + 1 < Stages.Count ? reached[s + 1] : 0);
        return reached;
    }
}
