using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.UnitTests.Feedback;

public sealed class DashboardSummaryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    private static DashboardItem Item(Destination destination, FeedbackStatus status, double hoursToRoute, int overridden = 0,
        FunnelStage stage = FunnelStage.Week1, FeedbackCategory category = FeedbackCategory.Defect, int day = 0) => new()
    {
        Destination = destination, Status = status, Stage = stage, Category = category, Overridden = overridden,
        CreatedAt = Monday.AddDays(day), CreatedOn = DateOnly.FromDateTime(Monday.AddDays(day).DateTime),
        RoutedAt = double.IsNaN(hoursToRoute) ? null : Monday.AddDays(day).AddHours(hoursToRoute),
    };

    [Fact]
    public void Counts_times_and_rates_come_from_the_items()
    {
        DashboardItem[] items =
        [
            Item(Destination.BaseProduct, FeedbackStatus.Routed, 0),
            Item(Destination.BaseProduct, FeedbackStatus.Done, 0, day: 8),
            Item(Destination.ProgramLayer, FeedbackStatus.Routed, 5, overridden: 1, category: FeedbackCategory.Supplies),
            Item(Destination.NeedsTriage, FeedbackStatus.New, double.NaN, category: FeedbackCategory.Supplies),
        ];

        var summary = DashboardSummary.Of(items, new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 25));

        Assert.Equal([new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23)], summary.Weeks);
        Assert.Equal(1, summary.Count(new DateOnly(2026, 11, 16), Destination.BaseProduct));
        Assert.Equal(1, summary.Count(new DateOnly(2026, 11, 23), Destination.BaseProduct));
        Assert.Equal(1, summary.ByDestinationAndStatus[(Destination.BaseProduct, FeedbackStatus.Done)]);
        Assert.Equal(0, summary.MedianHoursToRoute);
        Assert.Equal(0.5, summary.RoutedAtIntake);
        Assert.Equal(0.25, summary.OverrideRate);
        Assert.Equal(new CategoryCount(FunnelStage.Week1, FeedbackCategory.Defect, 2), summary.TopCategories[0]);
        Assert.Equal(new CategoryCount(FunnelStage.Week1, FeedbackCategory.Supplies, 2), summary.TopCategories[1]);
    }

    [Fact]
    public void No_items_give_no_median_and_zero_rates_and_weeks_start_on_the_Monday_before()
    {
        var summary = DashboardSummary.Of([], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 25));

        Assert.Null(summary.MedianHoursToRoute);
        Assert.Equal(0, summary.OverrideRate);
        Assert.Equal(new DateOnly(2026, 10, 26), summary.Weeks[0]);
        Assert.Equal(5, summary.Weeks.Count);
    }
}
