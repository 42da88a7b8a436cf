using System.Collections.Concurrent;
using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features.Revenue;

/// <summary>
/// A contract as revenue. <paramref name="CancelledOn"/> is the day a cancelled (解約) contract was set to Cancelled: it
/// earns nothing from that day.
/// </summary>
public sealed record RevenueContract(int ClientId, int Seats, long PricePerSeatJpy, DateOnly StartDate, DateOnly EndDate, ContractStatus Status, DateOnly? CancelledOn = null)
{
    public long ValueJpy => Seats * PricePerSeatJpy;
}

/// <summary>
/// Annualised recurring revenue (ARR): on each day a contract runs, it counts for its value (seats × price per seat)
/// spread over its period and scaled to a year. A contract of whole months is scaled by months (1 April – 31 March is
/// its value; six months is twice it); any other length by days over 365. Drafts never count; ended contracts count on
/// the days they ran; a cancelled one until the day it was cancelled.
/// </summary>
public static class RecurringRevenue
{
    public static bool EarnsOn(RevenueContract contract, DateOnly day) =>
        contract.Status != ContractStatus.Draft
        && contract.StartDate <= day && day <= contract.EndDate
        && !(contract.Status == ContractStatus.Cancelled && contract.CancelledOn is { } cancelled && day >= cancelled);

    public static decimal Annualised(RevenueContract contract)
    {
        var months = WholeMonths(contract.StartDate, contract.EndDate);
        if (months is { } m) return contract.ValueJpy * 12m / m;
        var days = contract.EndDate.DayNumber - contract.StartDate.DayNumber + 1;
        return contract.ValueJpy * 365m / days;
    }

    /// <summary>Each client's recurring revenue on <paramref name="day"/>; clients earning nothing are left out.</summary>
    public static IReadOnlyDictionary<int, decimal> OnDay(IReadOnlyCollection<RevenueContract> contracts, DateOnly day) => new Ledger(contracts).OnDay(day);

    /// <summary>
    /// Contracts with their annualised revenue worked out once, and each day's sums kept once asked for — by any number
    /// of requests at once, as the page keeps one book while the contracts stay as they are.
    /// </summary>
    public sealed class Ledger(IReadOnlyCollection<RevenueContract> contracts)
    {
        private readonly (RevenueContract Contract, decimal Annual)[] _contracts = [.. contracts.Select(c => (c, Annualised(c)))];
        private readonly ConcurrentDictionary<DateOnly, IReadOnlyDictionary<int, decimal>> _days = [];

        public IReadOnlyDictionary<int, decimal> OnDay(DateOnly day) => _days.GetOrAdd(day, Sum);

        private Dictionary<int, decimal> Sum(DateOnly day)
        {
            var revenue = new Dictionary<int, decimal>();
            foreach (var (contract, annual) in _contracts)
            {
                if (!EarnsOn(contract, day)) continue;
                revenue[contract.ClientId] = revenue.GetValueOrDefault(contract.ClientId) + annual;
            }

            return revenue;
        }
    }

    private static int? WholeMonths(DateOnly start, DateOnly end)
    {
        var next = end.AddDays(1);
        var months = ((next.Year - start.Year) * 12) + next.Month - start.Month;
        return months > 0 && start.AddMonths(months) == next ? months : null;
    }
}
