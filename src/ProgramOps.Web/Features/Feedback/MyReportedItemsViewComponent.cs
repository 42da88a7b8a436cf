namespace ProgramOps.Web.Features.Feedback;

/// <summary>
/// The home page's "my reported items": status changes in the last weeks on items the user reported or
/// merged a report into, so the CS who heard a participant's problem can tell them when it is fixed.
/// </summary>
public sealed class MyReportedItemsViewComponent(Db db, ICurrentUser user, TimeProvider time) : ViewComponent
{
    public const int DaysShown = 30;
    public const int MaxShown = 10;

    public sealed record Change
    {
        public int ItemId { get; init; }
        public required string Title { get; init; }
        public FeedbackStatus? FromStatus { get; init; }
        public FeedbackStatus ToStatus { get; init; }
        public required string ChangedBy { get; init; }
        public DateTimeOffset ChangedAt { get; init; }
        public Destination Destination { get; init; }
    }

    public async Task<IViewComponentResult> InvokeAsync()
    {
        IReadOnlyList<Change> changes = [];
        if (user.Id is { } userId)
        {
            await using var connection = await db.OpenAsync(HttpContext.RequestAborted);
            changes = (await connection.QueryAsync<Change>(new CommandDefinition(FeedbackSql.MyReportedChanges(db.Dialect),
                new { UserId = userId, Since = time.GetUtcNow().AddDays(-DaysShown), Skip = 0, Take = MaxShown },
                cancellationToken: HttpContext.RequestAborted))).ToList();
        }

        return View("/Features/Feedback/_MyReportedItems.cshtml", changes);
    }
}
