namespace ProgramOps.Web.Features.Outcomes;

/// <summary>One program week of engagement: shares only, and only where the groups behind them hold k people or none.</summary>
public sealed record EngagementWeek(int Week, double? CheckedInShare, double? ActiveTeamShare);

/// <summary>An age band as shown (neighbouring bands rolled up until each holds k people).</summary>
public sealed record AgeBandRow(string Label, bool RolledUp, string EnrolledFigure, string SucceededFigure);

/// <summary>
/// Every figure of one scope's report, counted from aggregated rows and then suppressed as one set, so a group hidden in
/// one section cannot be worked out from another. No I/O.
/// </summary>
public sealed class OutcomeFigures
{
    public required SuppressedFigures Figures { get; init; }
    public required OutcomeKind Kind { get; init; }
    public required int ObservedWeeks { get; init; }
    public required IReadOnlyList<SurvivalStep> Survival { get; init; }
    public required IReadOnlyList<EngagementWeek> Engagement { get; init; }
    public required IReadOnlyList<AgeBandRow> AgeBands { get; init; }
    public required NetPromoterScore Satisfaction { get; init; }

    public int K => Figures.K;
    public int? Shown(string figure) => Figures.Shown(figure);

    /// <summary>Survival steps whose drop-outs and people at risk are both shown; the curve stops at the first that is not.</summary>
    public IReadOnlyList<SurvivalStep> ShownSurvival =>
        [.. Survival.TakeWhile(s => Figures.IsShown(FigureNames.AtRisk(s.FromWeek)) && Figures.IsShown(FigureNames.DroppedOut(s.FromWeek)))];

    /// <summary>NPS, only when promoters, detractors and respondents are all shown (the score would give a hidden one away).</summary>
    public double? ShownNps =>
        Figures.IsShown(FigureNames.Promoters) && Figures.IsShown(FigureNames.Detractors) && Figures.IsShown(FigureNames.Respondents)
            ? Satisfaction.Score : null;

    /// <summary>The funnel step that loses the largest share of those who reached it, among the steps shown.</summary>
    public (ReportFunnelStage From, ReportFunnelStage To, double Lost)? LargestDrop =>
        ReportFunnel.Stages.Take(ReportFunnel.Stages.Count - 1)
            .Select(s => (From: s, To: s + 1, Reached: Shown(FigureNames.Reached(s)), Stopped: Shown(FigureNames.StoppedAt(s))))
            .Where(s => s.Reached is > 0 && s.Stopped is not null)
            .Select(s => ((ReportFunnelStage, ReportFunnelStage, double)?)(s.From, s.To, (double)s.Stopped!.Value / s.Reached!.Value))
            .MaxBy(s => s!.Value.Item3);

    public static OutcomeFigures Build(ReportInputs inputs, int k)
    {
        var set = new FigureSet();
        var enrolledGroups = inputs.Groups.Where(g => g.Enrolled).ToList();
        AddFunnel(set, inputs);
        AddOutcome(set, inputs, enrolledGroups);
        var satisfaction = NetPromoterScore.From(inputs.Satisfaction);
        AddSatisfaction(set, satisfaction);
        var spans = KaplanMeier.Coarsen(WeeklyExits(enrolledGroups, inputs.ObservedWeeks), k);
        var survival = KaplanMeier.Estimate(set.Value(FigureNames.Enrolled), spans);
        AddRetention(set, survival);
        var ageBands = AddAgeBands(set, inputs, enrolledGroups, k);

        return new OutcomeFigures
        {
            Figures = SmallCellSuppression.Apply(set, k),
            Kind = inputs.Kind,
            ObservedWeeks = inputs.ObservedWeeks,
            Survival = survival,
            Engagement = EngagementByWeek(inputs, enrolledGroups, k),
            AgeBands = ageBands,
            Satisfaction = satisfaction,
        };
    }

    private static void AddFunnel(FigureSet set, ReportInputs inputs)
    {
        var reached = ReportFunnel.Reached(inputs.Groups, inputs.Kind);
        ReportFunnelStage[] headline = [ReportFunnelStage.Enrolled, ReportFunnelStage.Completed, ReportFunnelStage.Succeeded];
        foreach (var stage in ReportFunnel.Stages) set.Print(FigureNames.Reached(stage), reached[(int)stage], headline.Contains(stage));
        foreach (var stage in ReportFunnel.Stages.SkipLast(1))
        {
            set.Print(FigureNames.StoppedAt(stage), reached[(int)stage] - reached[(int)stage + 1])
                .Relate(FigureNames.Reached(stage), FigureNames.Reached(stage + 1), FigureNames.StoppedAt(stage));
        }
    }

    private static void AddOutcome(FigureSet set, ReportInputs inputs, List<ParticipantGroup> enrolled)
    {
        set.Print(FigureNames.LostToFollowUp, set.Value(FigureNames.Enrolled) - set.Value(FigureNames.Completed))
            .Relate(FigureNames.Enrolled, FigureNames.Completed, FigureNames.LostToFollowUp);
        var succeeded = set.Value(FigureNames.Succeeded);
        switch (inputs.Kind)
        {
            case OutcomeKind.Abstinence:
                var verified = enrolled.Where(g => g.Succeeded(inputs.Kind) && g.CoBelowCutoff).Sum(g => g.People);
                set.Print(FigureNames.Verified, verified, headline: true).Track(FigureNames.Unverified, succeeded - verified)
                    .Relate(FigureNames.Succeeded, FigureNames.Verified, FigureNames.Unverified);
                break;
            case OutcomeKind.BodyMeasures:
                var partial = enrolled.Where(g => g.Completed && g.BodyMeasures() == BodyMeasureResult.Partial).Sum(g => g.People);
                set.Print(FigureNames.Partial, partial).Print(FigureNames.NotAchieved, set.Value(FigureNames.Completed) - succeeded - partial)
                    .Relate(FigureNames.Completed, FigureNames.Succeeded, FigureNames.Partial, FigureNames.NotAchieved);
                break;
        }
    }

    private static void AddSatisfaction(FigureSet set, NetPromoterScore nps)
    {
        var scores = Enumerable.Range(0, NetPromoterScore.Scores).ToList();
        foreach (var s in scores) set.Print(FigureNames.Score(s), nps.Distribution[s]);
        set.Print(FigureNames.Promoters, nps.Promoters, headline: true).Relate(FigureNames.Promoters, FigureNames.Score(9), FigureNames.Score(10))
            .Print(FigureNames.Passives, nps.Passives).Relate(FigureNames.Passives, FigureNames.Score(7), FigureNames.Score(8))
            .Print(FigureNames.Detractors, nps.Detractors, headline: true).Relate(FigureNames.Detractors, [.. scores.Take(7).Select(FigureNames.Score)])
            .Print(FigureNames.Respondents, nps.Respondents, headline: true).Relate(FigureNames.Respondents, FigureNames.Promoters, FigureNames.Passives, FigureNames.Detractors)
            .Track(FigureNames.NotResponded, set.Value(FigureNames.Enrolled) - nps.Respondents)
            .Relate(FigureNames.Enrolled, FigureNames.Respondents, FigureNames.NotResponded);
    }

    /// <summary>Drop-outs are events in the week they were recorded; completion, withdrawal and still being in are censored.</summary>
    private static List<WeekExits> WeeklyExits(List<ParticipantGroup> enrolled, int weeks)
    {
        var dropped = new int[weeks + 1];
        var censored = new int[weeks + 1];
        foreach (var group in enrolled)
        {
            var week = group.Left ? Math.Clamp(group.StateChangedWeek, 1, weeks) : weeks;
            if (group.DroppedOut) dropped[week] += group.People;
            else censored[week] += group.People;
        }

        return [.. Enumerable.Range(1, weeks).Select(w => new WeekExits(w, w, dropped[w], censored[w]))];
    }

    private static void AddRetention(FigureSet set, IReadOnlyList<SurvivalStep> steps)
    {
        if (steps.Count == 0) return;
        foreach (var step in steps)
        {
            set.Print(FigureNames.AtRisk(step.FromWeek), step.AtRisk)
                .Print(FigureNames.DroppedOut(step.FromWeek), step.DroppedOut)
                .Print(FigureNames.Censored(step.FromWeek), step.Censored);
        }

        set.Relate(FigureNames.Enrolled, FigureNames.AtRisk(steps[0].FromWeek));
        for (var i = 0; i < steps.Count; i++)
        {
            string[] leaving = [FigureNames.DroppedOut(steps[i].FromWeek), FigureNames.Censored(steps[i].FromWeek)];
            set.Relate(FigureNames.AtRisk(steps[i].FromWeek), i + 1 < steps.Count ? [FigureNames.AtRisk(steps[i + 1].FromWeek), .. leaving] : leaving);
        }
    }

    private static List<AgeBandRow> AddAgeBands(FigureSet set, ReportInputs inputs, List<ParticipantGroup> enrolled, int k)
    {
        var bands = enrolled.GroupBy(g => g.AgeBand).OrderBy(b => b.Key ?? int.MaxValue)
            .Select(b => (Name: b.Key is { } age ? $"{age}" : "unknown", People: b.Sum(g => g.People), Succeeded: b.Where(g => g.Succeeded(inputs.Kind)).Sum(g => g.People)))
            .ToList();
        var merged = GroupRollUp.Merge([.. bands.Select(b => (b.Name, b.People))], k);
        if (merged.Count < 2) return [];

        var rows = new List<AgeBandRow>();
        foreach (var group in merged)
        {
            var label = string.Join("+", group.Members);
            var succeeded = bands.Where(b => group.Members.Contains(b.Name)).Sum(b => b.Succeeded);
            set.Print(FigureNames.AgeEnrolled(label), group.People).Print(FigureNames.AgeSucceeded(label), succeeded)
                .Track(FigureNames.AgeNotSucceeded(label), group.People - succeeded)
                .Relate(FigureNames.AgeEnrolled(label), FigureNames.AgeSucceeded(label), FigureNames.AgeNotSucceeded(label));
            rows.Add(new AgeBandRow(label, group.IsRolledUp, FigureNames.AgeEnrolled(label), FigureNames.AgeSucceeded(label)));
        }

        set.Relate(FigureNames.Enrolled, [.. rows.Select(r => r.EnrolledFigure)]);
        set.Relate(FigureNames.Succeeded, [.. rows.Select(r => r.SucceededFigure)]);
        return rows;
    }

    /// <summary>
    /// Weekly shares are printed without their counts, and only where those taking part number k or more and both those
    /// who checked in and those who did not are 0 or at least k.
    /// </summary>
    private static List<EngagementWeek> EngagementByWeek(ReportInputs inputs, List<ParticipantGroup> enrolled, int k)
    {
        static bool Safe(int people, int k) => people == 0 || people >= k;
        var weeks = new List<EngagementWeek>();
        for (var week = 1; week <= inputs.ObservedWeeks; week++)
        {
            var w = week;
            var takingPart = enrolled.Where(g => !g.Left || g.StateChangedWeek >= w).Sum(g => g.People);
            var checkedIn = Math.Min(takingPart, inputs.CheckedInPerWeek.GetValueOrDefault(week));
            double? share = takingPart >= k && Safe(checkedIn, k) && Safe(takingPart - checkedIn, k) ? (double)checkedIn / takingPart : null;
            double? teams = inputs.TeamsInScope > 0 ? (double)inputs.ActiveTeamsPerWeek.GetValueOrDefault(week) / inputs.TeamsInScope : null;
            weeks.Add(new EngagementWeek(week, share, teams));
        }

        return weeks;
    }
}
