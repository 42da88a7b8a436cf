using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Revenue;

namespace ProgramOps.UnitTests.Revenue;

/// <summary>
/// FY2025 (1 April 2025 – 31 March 2026), worked by hand. Revenue at opening = on 31 March 2025, at closing = on 31 March
/// 2026. All contracts are of whole years, so each one's recurring revenue is its value (seats × price).
/// </summary>
public sealed class RetentionTests
{
    private static readonly RevenuePeriod Fy2025 = FiscalCalendar.Year(2025, 4);
    private static readonly DateOnly AfterFy2025 = new(2026, 6, 1);

    private static readonly DateOnly LastYear = new(2024, 4, 1), LastYearEnd = new(2025, 3, 31);
    private static readonly DateOnly ThisYear = new(2025, 4, 1), ThisYearEnd = new(2026, 3, 31);

    // A grows 10 → 15 seats at ¥30,000 (¥300,000 → ¥450,000); B sells down 20 → 12 seats at ¥25,000 (¥500,000 →
    // ¥300,000); C's ¥200,000 contract ended and was not renewed; D is new this year (¥200,000).
    private static readonly RevenueContract[] Book =
    [
        new(1, 10, 30_000, LastYear, LastYearEnd, ContractStatus.Ended),
        new(1, 15, 30_000, ThisYear, ThisYearEnd, ContractStatus.Active),
        new(2, 20, 25_000, LastYear, LastYearEnd, ContractStatus.Ended),
        new(2, 12, 25_000, ThisYear, ThisYearEnd, ContractStatus.Active),
        new(3, 8, 25_000, LastYear, LastYearEnd, ContractStatus.Ended),
        new(4, 10, 20_000, new DateOnly(2025, 6, 1), new DateOnly(2026, 5, 31), ContractStatus.Active),
    ];

    private static RetentionFigures Figures(IReadOnlyCollection<RevenueContract> book) =>
        RetentionFigures.Of(Retention.Movements(book, Fy2025, AfterFy2025));

    [Fact]
    public void Growth_downsell_and_churn_give_gross_and_net_retention_and_churn_worked_by_hand()
    {
        var f = Figures(Book);

        // Opening: 300,000 + 500,000 + 200,000. Kept: min(300k, 450k) + min(500k, 300k) + 0 = 600,000.
        // Closing: 450,000 + 300,000 + 0 = 750,000.
        Assert.Equal(3, f.OpeningClients);
        Assert.Equal(1_000_000m, f.OpeningRevenue);
        Assert.Equal(600_000m, f.KeptRevenue);
        Assert.Equal(750_000m, f.ClosingRevenue);
        Assert.Equal(0.60, f.GrossRetention!.Value, 6);
        Assert.Equal(0.75, f.NetRetention!.Value, 6);
        Assert.Equal(1.0 / 3, f.LogoChurn!.Value, 6);
        Assert.Equal(0.20, f.RevenueChurn!.Value, 6);
    }

    [Fact]
    public void A_new_client_in_the_period_is_counted_apart_and_changes_no_rate()
    {
        var with = Figures(Book);
        var without = Figures([.. Book.Where(c => c.ClientId != 4)]);

        Assert.Equal(1, with.NewClients);
        Assert.Equal(200_000m, with.NewRevenue);
        Assert.Equal(without.GrossRetention, with.GrossRetention);
        Assert.Equal(without.NetRetention, with.NetRetention);
        Assert.Equal(without.LogoChurn, with.LogoChurn);
        Assert.Equal(3, with.OpeningClients);
    }

    [Fact]
    public void Each_client_moves_as_its_revenue_did()
    {
        var moves = Retention.Movements(Book, Fy2025, AfterFy2025).ToDictionary(m => m.ClientId, m => m.Movement);

        Assert.Equal(Movement.Expanded, moves[1]);
        Assert.Equal(Movement.Contracted, moves[2]);
        Assert.Equal(Movement.Churned, moves[3]);
        Assert.Equal(Movement.New, moves[4]);
    }

    [Fact]
    public void Upsell_lifts_net_retention_above_one_while_gross_stays_capped_at_one()
    {
        var f = Figures([.. Book.Where(c => c.ClientId == 1)]);

        Assert.Equal(1.0, f.GrossRetention!.Value, 6);
        Assert.Equal(1.5, f.NetRetention!.Value, 6);
        Assert.Equal(0.0, f.LogoChurn!.Value, 6);
    }

    [Fact]
    public void A_renewal_cancelled_in_the_year_is_churn_from_the_day_it_was_cancelled()
    {
        RevenueContract[] book =
        [
            new(5, 10, 40_000, LastYear, LastYearEnd, ContractStatus.Ended),
            new(5, 10, 40_000, ThisYear, ThisYearEnd, ContractStatus.Cancelled, CancelledOn: new DateOnly(2025, 10, 15)),
        ];

        var f = Figures(book);
        var midYear = RecurringRevenue.OnDay(book, new DateOnly(2025, 10, 14));

        Assert.Equal(400_000m, midYear[5]);
        Assert.Equal(1, f.LostClients);
        Assert.Equal(400_000m, f.LostRevenue);
        Assert.Equal(0.0, f.GrossRetention!.Value, 6);
    }

    [Fact]
    public void A_contract_ending_on_the_last_day_counts_for_that_period_and_is_churn_in_the_next()
    {
        RevenueContract[] book = [new(6, 5, 60_000, ThisYear, ThisYearEnd, ContractStatus.Ended)];

        var fy2025 = Figures(book);
        var fy2026 = RetentionFigures.Of(Retention.Movements(book, FiscalCalendar.Year(2026, 4), new DateOnly(2027, 6, 1)));

        Assert.Equal(1, fy2025.NewClients);
        Assert.Equal(1, fy2026.LostClients);
    }

    [Fact]
    public void A_running_period_is_measured_to_today()
    {
        var today = new DateOnly(2025, 9, 30);

        var f = RetentionFigures.Of(Retention.Movements(Book, Fy2025, today));

        Assert.Equal(750_000m, f.ClosingRevenue);
        Assert.Equal(1, f.NewClients);
    }

    [Fact]
    public void With_no_client_at_the_start_there_is_no_rate()
    {
        var f = Figures([new(7, 1, 1_000, ThisYear, ThisYearEnd, ContractStatus.Active)]);

        Assert.Null(f.GrossRetention);
        Assert.Null(f.NetRetention);
        Assert.Null(f.LogoChurn);
    }
}
