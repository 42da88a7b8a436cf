using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features.Revenue;

public sealed record RevenueClient(int Id, string Name, ClientKind Kind, ClientSegment Segment, CsType CsType);

/// <summary>How the figures are broken down besides the total: by segment, client kind or CS type.</summary>
public enum RevenueGrouping
{
    Overall,
    Segment,
    Kind,
    CsType,
}

/// <summary>A period's figures for all clients (<see cref="Group"/> null) or for one group, named by its text key.</summary>
public sealed record RevenueRow(RevenuePeriod Period, string? Group, RetentionFigures Figures);

/// <summary>One segment's LTV and the figures it comes from.</summary>
public sealed record SegmentLifetime(ClientSegment Segment, int PayingClients, decimal AverageAnnualRevenue, int OpeningClients, int LostClients,
    int YearsMeasured)
{
    public double? AnnualLogoChurn => OpeningClients == 0 ? null : (double)LostClients / OpeningClients;
    public double? LifetimeYears => LifetimeValue.ExpectedLifetimeYears(LostClients, OpeningClients);
    public decimal? Ltv => LifetimeValue.Of(AverageAnnualRevenue, LifetimeYears);
}

/// <summary>A client behind a figure: its revenue when the period opened and closed, today's, and its LTV.</summary>
public sealed record RevenueClientLine(RevenueClient Client, ClientMovement Movement, decimal CurrentRevenue, decimal? Ltv);

/// <summary>The revenue figures over every client's contracts: retention and churn per period and group, and LTV.</summary>
public sealed class RevenueBook(IReadOnlyCollection<RevenueContract> contracts, IReadOnlyDictionary<int, RevenueClient> clients, DateOnly today)
{
    /// <summary>Completed fiscal years whose churn the lifetime is estimated from.</summary>
    public const int LifetimeYears = 3;

    // Periods share their boundaries (a year's close is the next one's opening) and the LTV reads the same years again:
    // each day's revenue is summed over the contracts once.
    private readonly RecurringRevenue.Ledger _ledger = new(contracts);

    public DateOnly Today { get; } = today;

    public IReadOnlyList<RevenueRow> Figures(IReadOnlyList<RevenuePeriod> periods, RevenueGrouping grouping)
    {
        var rows = new List<RevenueRow>();
        foreach (var period in periods)
        {
            var movements = Retention.Movements(_ledger, period, Today);
            rows.Add(new RevenueRow(period, null, RetentionFigures.Of(movements)));
            if (grouping == RevenueGrouping.Overall) continue;
            rows.AddRange(movements
                .GroupBy(m => GroupOf(clients[m.ClientId], grouping)!)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new RevenueRow(period, g.Key, RetentionFigures.Of(g))));
        }

        return rows;
    }

    /// <summary>The clients behind a period's figure for one group (all clients when <paramref name="group"/> is null).</summary>
    public IReadOnlyList<RevenueClientLine> Clients(RevenuePeriod period, RevenueGrouping grouping, string? group, int startMonth)
    {
        var current = _ledger.OnDay(Today);
        var lifetimes = Lifetimes(startMonth).ToDictionary(l => l.Segment, l => l.LifetimeYears);
        var lines = new List<RevenueClientLine>();
        foreach (var movement in Retention.Movements(_ledger, period, Today))
        {
            var client = clients[movement.ClientId];
            if (group is not null && GroupOf(client, grouping) != group) continue;
            var now = current.GetValueOrDefault(movement.ClientId);
            lines.Add(new RevenueClientLine(client, movement, now, LifetimeValue.Of(now, lifetimes[client.Segment])));
        }

        return [.. lines.OrderByDescending(l => l.Movement.Opening).ThenByDescending(l => l.Movement.Closing).ThenBy(l => l.Client.Id)];
    }

    /// <summary>Each segment's LTV, from its logo churn over the last <see cref="LifetimeYears"/> completed fiscal years.</summary>
    public IReadOnlyList<SegmentLifetime> Lifetimes(int startMonth)
    {
        var years = FiscalCalendar.Recent(PeriodLength.Year, LifetimeYears + 1, startMonth, Today).Where(p => p.IsComplete(Today)).TakeLast(LifetimeYears).ToList();
        var pooled = years.SelectMany(y => Retention.Movements(_ledger, y, Today)).Where(m => m.Movement != Movement.New).ToList();
        var current = _ledger.OnDay(Today);
        return [.. Enum.GetValues<ClientSegment>().Select(segment =>
        {
            var paying = current.Where(c => clients[c.Key].Segment == segment).Select(c => c.Value).ToList();
            var measured = pooled.Where(m => clients[m.ClientId].Segment == segment).ToList();
            return new SegmentLifetime(segment, paying.Count, paying.Count == 0 ? 0 : decimal.Round(paying.Average(), 0),
                measured.Count, measured.Count(m => m.Movement == Movement.Churned), years.Count);
        })];
    }

    /// <summary>The group's text key (e.g. <c>Segment.Enterprise</c>, also the clients' word for it); null for all clients.</summary>
    public static string? GroupOf(RevenueClient client, RevenueGrouping grouping) => grouping switch
    {
        RevenueGrouping.Segment => $"Segment.{client.Segment}",
        RevenueGrouping.Kind => $"Kind.{client.Kind}",
        RevenueGrouping.CsType => $"CsType.{client.CsType}",
        _ => null,
    };
}
