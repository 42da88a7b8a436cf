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
}

public sealed record SeatIssue(int ContractId, SeatProblem Problem, int Remaining = 0);

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
}
