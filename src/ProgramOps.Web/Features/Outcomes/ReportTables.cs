namespace ProgramOps.Web.Features.Outcomes;

/// <summary>One section's aggregated numbers as a table: a workbook sheet, a block of the CSV.</summary>
/// <param name="Rows">Cells are numbers, text, or null where a figure is hidden.</param>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>The report's sections as tables of aggregated numbers (never a participant row), in the report's language.</summary>
public static class ReportTables
{
    public static IReadOnlyList<ReportTable> Build(ClientReport report, IStringLocalizer<OutcomesText> l)
    {
        if (report.Figures is not { } f) return [];
        string S(string key) => l[key].Value;
        object? Share(Rate? rate) => rate is { Total: > 0 } r ? Math.Round(r.Share, 4) : null;
        object? Lower(Rate? rate) => rate is { Total: > 0 } r ? Math.Round(r.Interval.Lower, 4) : null;
        object? Upper(Rate? rate) => rate is { Total: > 0 } r ? Math.Round(r.Interval.Upper, 4) : null;
        IReadOnlyList<object?> RateRow(string label, string count, string total)
        {
            var rate = f.Figures.ShownRate(count, total);
            return [label, f.Shown(count), f.Shown(total), Share(rate), Lower(rate), Upper(rate)];
        }

        string[] rateColumns = [S("Table.Figure"), S("Table.Count"), S("Table.Of"), S("Table.Share"), S("Table.Lower"), S("Table.Upper")];
        var enrolled = f.Shown(FigureNames.Enrolled);
        var outcome = new List<IReadOnlyList<object?>>
        {
            RateRow(S("Outcome.Itt"), FigureNames.Succeeded, FigureNames.Enrolled),
            RateRow(S("Outcome.Completer"), FigureNames.Succeeded, FigureNames.Completed),
        };
        if (f.Kind == OutcomeKind.Abstinence) outcome.Add(RateRow(l["Outcome.Verified", QuitOutcome.CoVerifiedBelowPpm].Value, FigureNames.Verified, FigureNames.Enrolled));
        if (f.Kind == OutcomeKind.BodyMeasures) outcome.Add(RateRow(S("Outcome.Partial"), FigureNames.Partial, FigureNames.Enrolled));
        outcome.Add([S("Outcome.Lost"), f.Shown(FigureNames.LostToFollowUp), enrolled, null, null, null]);
        outcome.AddRange(f.AgeBands.Select(b => RateRow($"{S("Outcome.AgeBand")} {b.Label}", b.SucceededFigure, b.EnrolledFigure)));

        return
        [
            new(S("Reach.Title"), [S("Table.Figure"), S("Table.Value")],
            [
                [S("Reach.Eligible"), report.EligiblePopulation],
                [S("Reach.Invited"), f.Shown(FigureNames.Invited)],
                [S("Reach.Enrolled"), enrolled],
                [S("Reach.Seats"), report.Seats],
            ]),
            new(S("Funnel.Title"), [S("Funnel.Stage"), S("Funnel.Reached"), S("Funnel.Stopped")],
                [.. ReportFunnel.Stages.Select(s => (IReadOnlyList<object?>)[S($"Stage.{s}"), f.Shown(FigureNames.Reached(s)),
                    s == ReportFunnelStage.Succeeded ? null : f.Shown(FigureNames.StoppedAt(s))])]),
            new(S("Engagement.Title"), [S("Chart.Week"), S("Engagement.CheckedIn"), l["Engagement.Teams", ReportInputs.MinActiveTeamMembers].Value],
                [.. f.Engagement.Select(w => (IReadOnlyList<object?>)[w.Week, Round(w.CheckedInShare), Round(w.ActiveTeamShare)])]),
            new(S("Outcome.Title"), rateColumns, outcome),
            new(S("Retention.Title"), [S("Retention.Weeks"), S("Retention.AtRisk"), S("Retention.Dropped"), S("Retention.Censored"), S("Retention.Surviving")],
                [.. f.ShownSurvival.Select(s => (IReadOnlyList<object?>)[$"{s.FromWeek}-{s.ToWeek}", s.AtRisk, s.DroppedOut, f.Shown(FigureNames.Censored(s.FromWeek)), Math.Round(s.Surviving, 4)])]),
            new(S("Experience.Title"), [S("Experience.Score"), S("Chart.People")],
            [
                .. Enumerable.Range(0, 11).Select(s => (IReadOnlyList<object?>)[s, f.Shown(FigureNames.Score(s))]),
                [S("Experience.Respondents"), f.Shown(FigureNames.Respondents)],
                [S("Experience.Nps"), f.ShownNps is { } nps ? Math.Round(nps, 1) : null],
            ]),
            new(S("Money.Title"), [S("Table.Figure"), S("Table.Value")],
            [
                [S("Money.PricePaid"), ReturnOnInvestment.PricePaid(report.Contracts)],
                [S("Money.Avoided"), report.Roi?.AvoidedCostJpy],
                [S("Money.Roi"), report.Roi?.Roi is { } roi ? Math.Round(roi, 4) : null],
                .. report.Invoice.Select(line => (IReadOnlyList<object?>)[$"#{line.ContractId} {S($"Basis.{line.Basis}")} × ¥{line.FeeJpy:N0}", line.AmountJpy]),
            ]),
            new(S("Comparison.Title"), rateColumns,
            [
                RateRow(S("Comparison.This"), FigureNames.Succeeded, FigureNames.Enrolled),
                .. report.Comparisons.Select(c =>
                {
                    var rate = c.Figures.Figures.ShownRate(FigureNames.Succeeded, FigureNames.Enrolled);
                    var label = c.Label == "Pooled" ? l["Comparison.Pooled", c.Cohorts].Value : l["Comparison.Previous", c.Label].Value;
                    return (IReadOnlyList<object?>)[label, rate?.Count, rate?.Total, Share(rate), Lower(rate), Upper(rate)];
                }),
            ]),
        ];
    }

    private static object? Round(double? share) => share is { } s ? Math.Round(s, 4) : null;
}
