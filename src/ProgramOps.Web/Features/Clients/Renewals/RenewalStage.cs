namespace ProgramOps.Web.Features.Clients.Renewals;

/// <summary>Where a contract's renewal stands in BizDev's pipeline.</summary>
public enum RenewalStage
{
    NotStarted,
    InTalks,
    Committed,
    AtRisk,
    Lost,
    Renewed,
}

/// <summary>One month of the pipeline's expected revenue: what is committed or renewed, and what is still open.</summary>
public sealed record RenewalMonth(int Year, int Month, long SecuredJpy, long OpenJpy)
{
    public long ExpectedJpy => SecuredJpy + OpenJpy;
    public string Label => $"{Year:0000}-{Month:00}";
}

/// <summary>
/// The pipeline's expected revenue by month: a contract's value (seats × price per seat) falls in the month its renewal
/// would start (the day after it ends). Committed and renewed are secured, lost is left out, the rest is open.
/// </summary>
public static class RenewalForecast
{
    public static IReadOnlyList<RenewalMonth> ByMonth(IEnumerable<(DateOnly EndDate, long ValueJpy, RenewalStage Stage)> contracts) =>
        [.. contracts.Where(c => c.Stage != RenewalStage.Lost)
            .GroupBy(c => { var start = c.EndDate.AddDays(1); return (start.Year, start.Month); })
            .OrderBy(g => g.Key)
            .Select(g => new RenewalMonth(g.Key.Year, g.Key.Month,
                g.Where(c => c.Stage is RenewalStage.Committed or RenewalStage.Renewed).Sum(c => c.ValueJpy),
                g.Where(c => c.Stage is not (RenewalStage.Committed or RenewalStage.Renewed)).Sum(c => c.ValueJpy)))];
}
