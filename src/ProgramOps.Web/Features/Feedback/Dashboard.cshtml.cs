namespace ProgramOps.Web.Features.Feedback;

/// <summary>Where feedback goes and how fast: items by destination and status over the last weeks.</summary>
public sealed class DashboardModel(Db db, LocalClock clock) : PageModel
{
    public const int WeeksShown = 12;

    public DashboardSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var firstDay = clock.Today.AddDays(-7 * (WeeksShown - 1));
        await using var connection = await db.OpenAsync(ct);
        var items = (await connection.QueryAsync<DashboardItem>(new CommandDefinition(
                FeedbackDashboardSql.ItemsSince, new { Since = clock.StartOf(firstDay) }, cancellationToken: ct)))
            .Select(i => i with { CreatedOn = DateOnly.FromDateTime(clock.ToLocal(i.CreatedAt).DateTime) }).ToList();
        Summary = DashboardSummary.Of(items, firstDay, clock.Today);
    }
}
