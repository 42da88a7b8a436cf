using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Revenue;

namespace ProgramOps.UnitTests.Revenue;

public sealed class RecurringRevenueTests
{
    private static RevenueContract Contract(DateOnly start, DateOnly end, ContractStatus status = ContractStatus.Active) =>
        new(1, 10, 12_000, start, end, status);

    [Fact]
    public void A_year_of_whole_months_earns_its_value_even_across_a_leap_day() =>
        Assert.Equal(120_000m, RecurringRevenue.Annualised(Contract(new(2027, 4, 1), new(2028, 3, 31))));

    [Fact]
    public void Six_whole_months_are_annualised_to_twice_their_value() =>
        Assert.Equal(240_000m, RecurringRevenue.Annualised(Contract(new(2025, 6, 15), new(2025, 12, 14))));

    [Fact]
    public void A_period_of_odd_days_is_annualised_by_days_over_365() =>
        Assert.Equal(120_000m * 365 / 73, RecurringRevenue.Annualised(Contract(new(2025, 6, 1), new(2025, 8, 12))));

    [Fact]
    public void Drafts_never_earn_and_contracts_earn_only_within_their_period()
    {
        var active = Contract(new(2025, 4, 1), new(2026, 3, 31));

        Assert.False(RecurringRevenue.EarnsOn(active with { Status = ContractStatus.Draft }, new(2025, 5, 1)));
        Assert.False(RecurringRevenue.EarnsOn(active, new(2025, 3, 31)));
        Assert.True(RecurringRevenue.EarnsOn(active, new(2025, 4, 1)));
        Assert.True(RecurringRevenue.EarnsOn(active, new(2026, 3, 31)));
        Assert.False(RecurringRevenue.EarnsOn(active, new(2026, 4, 1)));
        Assert.True(RecurringRevenue.EarnsOn(active with { Status = ContractStatus.Ended }, new(2025, 5, 1)));
    }

    [Fact]
    public void Two_contracts_of_one_client_add_up()
    {
        var revenue = RecurringRevenue.OnDay(
            [Contract(new(2025, 4, 1), new(2026, 3, 31)), Contract(new(2025, 10, 1), new(2026, 3, 31)), new(2, 1, 5_000, new(2025, 4, 1), new(2026, 3, 31), ContractStatus.Active)],
            new DateOnly(2025, 11, 1));

        Assert.Equal(120_000m + 240_000m, revenue[1]);
        Assert.Equal(5_000m, revenue[2]);
    }

    [Theory]
    [InlineData(4, "2025-04-01", "2026-03-31", 2025)]
    [InlineData(4, "2026-03-31", "2026-03-31", 2025)]
    [InlineData(1, "2025-01-01", "2025-12-31", 2025)]
    [InlineData(10, "2025-10-01", "2026-09-30", 2025)]
    public void A_fiscal_year_starts_in_its_month_and_is_named_by_the_year_it_starts_in(int startMonth, string day, string end, int year)
    {
        var fy = FiscalCalendar.FiscalYearOf(DateOnly.Parse(day), startMonth);

        Assert.Equal(year, fy);
        Assert.Equal(DateOnly.Parse(end), FiscalCalendar.Year(fy, startMonth).End);
    }

    [Fact]
    public void Recent_quarters_end_with_the_current_one_and_cross_fiscal_years()
    {
        var quarters = FiscalCalendar.Recent(PeriodLength.Quarter, 3, 4, new DateOnly(2026, 5, 10));

        Assert.Equal([(2025, 3), (2025, 4), (2026, 1)], quarters.Select(q => (q.FiscalYear, q.Quarter!.Value)));
        Assert.Equal(new DateOnly(2026, 1, 1), quarters[1].Start);
        Assert.Equal(new DateOnly(2026, 3, 31), quarters[1].End);
        Assert.Equal(new DateOnly(2025, 12, 31), quarters[1].OpeningDay);
    }
}
