using ProgramOps.Web.Features.Clients.Renewals;

namespace ProgramOps.UnitTests.Clients;

public sealed class RenewalForecastTests
{
    [Fact]
    public void Value_falls_in_the_month_after_the_end_split_into_secured_and_open_and_lost_is_left_out()
    {
        var months = RenewalForecast.ByMonth([
            (new DateOnly(2027, 1, 31), 1_000_000, RenewalStage.Committed),
            (new DateOnly(2027, 1, 30), 500_000, RenewalStage.InTalks),
            (new DateOnly(2027, 2, 10), 300_000, RenewalStage.Renewed),
            (new DateOnly(2027, 2, 11), 200_000, RenewalStage.AtRisk),
            (new DateOnly(2027, 2, 12), 900_000, RenewalStage.Lost),
            (new DateOnly(2027, 2, 13), 100_000, RenewalStage.NotStarted),
        ]);

        Assert.Equal(
            [new RenewalMonth(2027, 1, 0, 500_000), new RenewalMonth(2027, 2, 1_300_000, 300_000)],
            months);
        Assert.Equal(1_600_000, months[1].ExpectedJpy);
        Assert.Equal("2027-02", months[1].Label);
    }

    [Fact]
    public void Nothing_but_lost_renewals_forecasts_nothing() =>
        Assert.Empty(RenewalForecast.ByMonth([(new DateOnly(2027, 1, 31), 1_000_000, RenewalStage.Lost)]));
}
