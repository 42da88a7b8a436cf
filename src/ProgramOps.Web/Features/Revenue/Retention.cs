namespace ProgramOps.Web.Features.Revenue;

public enum Movement
{
    Retained,
    Expanded,
    Contracted,
    Churned,
    /// <summary>Not a customer when the period opened: left out of retention and churn.</summary>
    New,
}

/// <summary>One client's recurring revenue when a period opened and when it closed.</summary>
public sealed record ClientMovement(int ClientId, decimal Opening, decimal Closing)
{
    public Movement Movement => (Opening, Closing) switch
    {
        (0, _) => Movement.New,
        (_, 0) => Movement.Churned,
        var (o, c) when c > o => Movement.Expanded,
        var (o, c) when c < o => Movement.Contracted,
        _ => Movement.Retained,
    };

    /// <summary>What gross retention keeps of the client: its closing revenue, capped at its opening one.</summary>
    public decimal Kept => Math.Min(Opening, Closing);
}

/// <summary>
/// 売上継続率 and churn of one period for a set of clients, as DOMAIN.md defines them: only clients with revenue when the
/// period opened count; gross retention keeps at most each one's opening revenue, net retention counts upsell too; logo
/// churn counts the clients left with no revenue, revenue churn their opening revenue.
/// </summary>
public sealed record RetentionFigures(int OpeningClients, decimal OpeningRevenue, decimal KeptRevenue, decimal ClosingRevenue,
    int LostClients, decimal LostRevenue, int NewClients, decimal NewRevenue)
{
    public double? GrossRetention => Share(KeptRevenue, OpeningRevenue);
    public double? NetRetention => Share(ClosingRevenue, OpeningRevenue);
    public double? LogoChurn => OpeningClients == 0 ? null : (double)LostClients / OpeningClients;
    public double? RevenueChurn => Share(LostRevenue, OpeningRevenue);

    public static RetentionFigures Of(IEnumerable<ClientMovement> movements)
    {
        int opening = 0, lost = 0, added = 0;
        decimal openingRevenue = 0, kept = 0, closing = 0, lostRevenue = 0, newRevenue = 0;
        foreach (var m in movements)
        {
            if (m.Movement == Movement.New)
            {
                added++;
                newRevenue += m.Closing;
                continue;
            }

            opening++;
            openingRevenue += m.Opening;
            kept += m.Kept;
            closing += m.Closing;
            if (m.Movement != Movement.Churned) continue;
            lost++;
            lostRevenue += m.Opening;
        }

        return new RetentionFigures(opening, openingRevenue, kept, closing, lost, lostRevenue, added, newRevenue);
    }

    private static double? Share(decimal part, decimal whole) => whole == 0 ? null : (double)(part / whole);
}

public static class Retention
{
    /// <summary>Every client with revenue when <paramref name="period"/> opened or when it closed (to <paramref name="today"/>).</summary>
    public static IReadOnlyList<ClientMovement> Movements(IReadOnlyCollection<RevenueContract> contracts, RevenuePeriod period, DateOnly today) =>
        Movements(new RecurringRevenue.Ledger(contracts), period, today);

    public static IReadOnlyList<ClientMovement> Movements(RecurringRevenue.Ledger ledger, RevenuePeriod period, DateOnly today)
    {
        var opening = ledger.OnDay(period.OpeningDay);
        var closing = ledger.OnDay(period.ClosingDay(today));
        return [.. opening.Keys.Union(closing.Keys)
            .Select(id => new ClientMovement(id, opening.GetValueOrDefault(id), closing.GetValueOrDefault(id)))];
    }
}
