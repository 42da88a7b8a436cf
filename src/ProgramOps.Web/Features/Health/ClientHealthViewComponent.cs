namespace ProgramOps.Web.Features.Health;

/// <summary>
/// A client's health for any page about the client (the client page renders it in its health section): the score,
/// each signal's value, weight and points, and the weekly trend from the snapshots.
/// </summary>
public sealed class ClientHealthViewComponent(HealthAssessor assessor, Db db, LocalClock clock) : ViewComponent
{
    public const int TrendWeeks = 12;

    public sealed record WeekScore(DateOnly WeekOf, int Score);

    public sealed record Model(ClientHealth? Health, IReadOnlyList<WeekScore> Trend);

    public async Task<IViewComponentResult> InvokeAsync(int clientId)
    {
        var ct = HttpContext.RequestAborted;
        var health = await assessor.AssessAsync(clientId, ct);
        await using var c = await db.OpenAsync(ct);
        var since = HealthSnapshotJob.WeekOf(clock.Today).AddDays(-7 * TrendWeeks);
        var trend = (await c.QueryAsync<(DateOnly WeekOf, int Score)>(new CommandDefinition(AccountHealthSql.Trend, new { ClientId = clientId, Since = since }, cancellationToken: ct)))
            .Select(t => new WeekScore(t.WeekOf, t.Score)).ToList();
        return View("/Features/Health/_ClientHealth.cshtml", new Model(health, trend));
    }
}
