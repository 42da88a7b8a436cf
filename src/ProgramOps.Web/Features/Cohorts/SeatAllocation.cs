namespace ProgramOps.Web.Features.Cohorts;

/// <summary>A contract as seat allocation sees it: its seats and those already given to other cohorts.</summary>
public sealed record ContractSeats(int ContractId, int Seats, int AllocatedElsewhere)
{
    public int Remaining => Math.Max(0, Seats - AllocatedElsewhere);
}

/// <summary>A cohort's claim on one contract's seats.</summary>
public sealed record SeatRequest(int ContractId, int Capacity);

public enum SeatProblem
{
    NoContract,
    UnknownContract,
    CapacityNotPositive,
    OverRemainingSeats,
    ContractListedTwice,
    BelowSeatsHeld,
    /// <summary>The contract is for another program than the cohort's, or its program is still to be chosen.</summary>
    OtherProgram,
}

/// <param name="Remaining">Seats the contract has left (for <see cref="SeatProblem.OverRemainingSeats"/>).</param>
/// <param name="Held">Seats its participants hold in the cohort (for <see cref="SeatProblem.BelowSeatsHeld"/>).</param>
public sealed record SeatIssue(int ContractId, SeatProblem Problem, int Remaining = 0, int Held = 0);

/// <summary>A cohort draws seats from one or several contracts (joint cohorts), never more than each has left.</summary>
public static class SeatAllocation
{
    public static IReadOnlyList<SeatIssue> Check(IReadOnlyList<SeatRequest> requests, IReadOnlyDictionary<int, ContractSeats> contracts)
    {
        if (requests.Count == 0) return [new SeatIssue(0, SeatProblem.NoContract)];

        var issues = new List<SeatIssue>();
        foreach (var duplicate in requests.GroupBy(r => r.ContractId).Where(g => g.Count() > 1))
        {
            issues.Add(new SeatIssue(duplicate.Key, SeatProblem.ContractListedTwice));
        }

        foreach (var request in requests.DistinctBy(r => r.ContractId))
        {
            if (!contracts.TryGetValue(request.ContractId, out var contract))
                issues.Add(new SeatIssue(request.ContractId, SeatProblem.UnknownContract));
            else if (request.Capacity <= 0)
                issues.Add(new SeatIssue(request.ContractId, SeatProblem.CapacityNotPositive));
            else if (request.Capacity > contract.Remaining)
                issues.Add(new SeatIssue(request.ContractId, SeatProblem.OverRemainingSeats, contract.Remaining));
        }

        return issues;
    }

    /// <summary>
    /// Changes to a planned cohort's seats: each changed contract keeps at least the seats its participants hold and
    /// takes no more than it has left (an unchanged one is left alone, even if its contract has ended since).
    /// </summary>
    /// <param name="current">The cohort's seats now, by contract.</param>
    /// <param name="held">Seats held by the cohort's participants, by contract (missing: none).</param>
    public static IReadOnlyList<SeatIssue> CheckResize(
        IReadOnlyList<SeatRequest> requests, IReadOnlyDictionary<int, int> current, IReadOnlyDictionary<int, int> held, IReadOnlyDictionary<int, ContractSeats> contracts)
    {
        var issues = new List<SeatIssue>();
        foreach (var request in requests.Where(r => !current.TryGetValue(r.ContractId, out var now) || now != r.Capacity))
        {
            var seatsHeld = held.GetValueOrDefault(request.ContractId);
            if (!current.ContainsKey(request.ContractId) || !contracts.TryGetValue(request.ContractId, out var contract))
                issues.Add(new SeatIssue(request.ContractId, SeatProblem.UnknownContract));
            else if (request.Capacity <= 0 || request.Capacity < seatsHeld)
                issues.Add(new SeatIssue(request.ContractId, SeatProblem.BelowSeatsHeld, Held: Math.Max(1, seatsHeld)));
            else if (request.Capacity > contract.Remaining)
                issues.Add(new SeatIssue(request.ContractId, SeatProblem.OverRemainingSeats, contract.Remaining));
        }

        return issues;
    }
}
