using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Feedback;

/// <summary>One item as the dashboard counts it.</summary>
public sealed record DashboardItem
{
    public Destination Destination { get; init; }
    public FeedbackStatus Status { get; init; }
    public FunnelStage? Stage { get; init; }
    public FeedbackCategory Category { get; init; }
    public DateOnly CreatedOn { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RoutedAt { get; init; }
    public int Overridden { get; init; }
}

public sealed record WeekCount(DateOnly WeekStart, Destination Destination, int Items);

public sealed record CategoryCount(FunnelStage? Stage, FeedbackCategory Category, int Items);

/// <summary>The dashboard's figures, computed from the items of a period.</summary>
public sealed record DashboardSummary(
    int Items,
    IReadOnlyList<DateOnly> Weeks,
    IReadOnlyList<WeekCount> ByWeek,
    IReadOnlyDictionary<(Destination, FeedbackStatus), int> ByDestinationAndStatus,
    double? MedianHoursToRoute,
    double RoutedAtIntake,
    double OverrideRate,
    IReadOnlyList<CategoryCount> TopCategories)
{
    public const int TopCategoriesPerStage = 3;

    public int Count(DateOnly week, Destination destination) => ByWeek.FirstOrDefault(w => w.WeekStart == week && w.Destination == destination)?.Items ?? 0;

    /// <summary>
    /// Weeks start on Monday. Time to route counts items that have a destination, from report to routing;
    /// routed at intake = the rules decided at once. Override rate = items a person re-routed.
    /// </summary>
    public static DashboardSummary Of(IReadOnlyList<DashboardItem> items, DateOnly firstWeek, DateOnly today)
    {
        var weeks = new List<DateOnly>();
        for (var week = WeekStart(firstWeek); week <= today; week = week.AddDays(7)) weeks.Add(week);
        var byWeek = items.GroupBy(i => (Week: WeekStart(i.CreatedOn), i.Destination))
            .Select(g => new WeekCount(g.Key.Week, g.Key.Destination, g.Count())).ToList();
        var byStatus = items.GroupBy(i => (i.Destination, i.Status)).ToDictionary(g => g.Key, g => g.Count());
        var routed = items.Where(i => i.RoutedAt is not null).Select(i => (i.RoutedAt!.Value - i.CreatedAt).TotalHours).Order().ToList();
        var top = items.GroupBy(i => (i.Stage, i.Category))
            .Select(g => new CategoryCount(g.Key.Stage, g.Key.Category, g.Count()))
            .GroupBy(c => c.Stage).OrderBy(g => g.Key)
            .SelectMany(g => g.OrderByDescending(c => c.Items).ThenBy(c => c.Category).Take(TopCategoriesPerStage)).ToList();
        double Share(int count) => items.Count == 0 ? 0 : (double)count / items.Count;
        return new DashboardSummary(
            items.Count, weeks, byWeek, byStatus,
            routed.Count == 0 ? null : routed[routed.Count / 2],
            Share(items.Count(i => i.RoutedAt == i.CreatedAt)),
            Share(items.Count(i => i.Overridden > 0)),
            top);
    }

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
