using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Revenue;

namespace ProgramOps.UnitTests.Revenue;

public sealed class LifetimeValueTests
{
    [Fact]
    public void Lifetime_is_one_over_the_annual_logo_churn_and_ltv_the_annual_revenue_times_it()
    {
        // 2 of 8 clients lost a year: 25 % churn, an expected lifetime of 4 years; ¥600,000 a year → ¥2,400,000.
        var years = LifetimeValue.ExpectedLifetimeYears(lostClients: 2, openingClients: 8);

        Assert.Equal(4.0, years);
        Assert.Equal(2_400_000m, LifetimeValue.Of(600_000m, years));
    }

    [Fact]
    public void With_no_client_lost_there_is_no_lifetime_and_no_ltv()
    {
        Assert.Null(LifetimeValue.ExpectedLifetimeYears(0, 10));
        Assert.Null(LifetimeValue.Of(600_000m, null));
    }

    [Fact]
    public void Each_segment_pools_its_churn_over_the_completed_fiscal_years_and_prices_its_clients_today()
    {
        var today = new DateOnly(2027, 5, 1);
        var clients = new Dictionary<int, RevenueClient>
        {
            [1] = new(1, "A", ClientKind.Employer, ClientSegment.Enterprise, CsType.AccompanyRoi),
            [2] = new(2, "B", ClientKind.Employer, ClientSegment.Enterprise, CsType.AccompanyRoi),
            [3] = new(3, "C", ClientKind.Employer, ClientSegment.Smb, CsType.MidTouch),
        };
        RevenueContract[] book =
        [
            // A: a customer every year since FY2023 on one five-year contract of ¥5,000,000, so ¥1,000,000 a year.
            new(1, 10, 500_000, new(2023, 4, 1), new(2028, 3, 31), ContractStatus.Active),
            // B: a customer in FY2023 and FY2024 at ¥500,000, lost in FY2025 (no revenue on 31 March 2026).
            new(2, 5, 100_000, new(2023, 4, 1), new(2025, 3, 31), ContractStatus.Ended),
            // C: SMB, never lost.
            new(3, 2, 50_000, new(2024, 4, 1), new(2028, 3, 31), ContractStatus.Active),
        ];

        var lifetimes = new RevenueBook(book, clients, today).Lifetimes(4).ToDictionary(l => l.Segment);

        // Completed years FY2024, FY2025, FY2026 (FY2023 is a fourth). Enterprise at their openings: FY2024 A, B;
        // FY2025 A, B (B lost); FY2026 A → 5 at openings, 1 lost: churn 20 %, lifetime 5 years; A pays ¥1,000,000.
        var enterprise = lifetimes[ClientSegment.Enterprise];
        Assert.Equal(3, enterprise.YearsMeasured);
        Assert.Equal(5, enterprise.OpeningClients);
        Assert.Equal(1, enterprise.LostClients);
        Assert.Equal(5.0, enterprise.LifetimeYears!.Value, 6);
        Assert.Equal(1, enterprise.PayingClients);
        Assert.Equal(5_000_000m, enterprise.Ltv);
        Assert.Null(lifetimes[ClientSegment.Smb].Ltv);
    }
}
