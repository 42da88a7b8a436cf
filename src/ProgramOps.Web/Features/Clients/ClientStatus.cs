namespace ProgramOps.Web.Features.Clients;

public enum ClientStatus
{
    Prospect,
    Customer,
    Renewing,
    Churned,
}

public sealed record ContractTerm(DateOnly StartDate, DateOnly EndDate, ContractStatus Status);

/// <summary>A client's status follows from its contracts; nobody types it in.</summary>
public static class ClientStatusRules
{
    /// <summary>How long before an active contract ends the account counts as up for renewal.</summary>
    public const int RenewalWindowDays = 90;

    public static ClientStatus Derive(IEnumerable<ContractTerm> contracts, DateOnly today)
    {
        var live = contracts.Where(c => c.Status == ContractStatus.Active).ToList();
        var current = live.Where(c => c.StartDate <= today && today <= c.EndDate).ToList();
        var upcoming = live.Any(c => c.StartDate > today);

        if (current.Count > 0)
        {
            var renewalStarts = today.AddDays(RenewalWindowDays);
            var allEndSoon = current.All(c => c.EndDate <= renewalStarts);
            return allEndSoon && !upcoming ? ClientStatus.Renewing : ClientStatus.Customer;
        }

        if (upcoming) return ClientStatus.Customer;

        // A cancelled contract (解約) that had started is churn as much as one that ran to its end; one cancelled before
        // its start never made a customer.
        var wasCustomer = contracts.Any(c =>
            c.Status == ContractStatus.Ended
            || (c.Status == ContractStatus.Cancelled && c.StartDate <= today)
            || (c.Status == ContractStatus.Active && c.EndDate < today));
        return wasCustomer ? ClientStatus.Churned : ClientStatus.Prospect;
    }
}
