namespace ProgramOps.Web.Features.Clients.Contracts;

/// <summary>What a contract is to the account: its first, a renewal of the same program with more, fewer or as many seats, or another program.</summary>
public enum ContractChangeKind
{
    New,
    Renewal,
    Upsell,
    Downsell,
    SecondProgram,
}

public sealed record ContractForChange(int Id, int? ProgramId, DateOnly StartDate, int Seats, ContractStatus Status);

/// <summary>
/// Upsell and downsell, seen from the contracts alone: a contract renews the client's latest earlier contract for the same
/// program (started before it), and is an upsell or downsell when it buys more or fewer seats; a contract for a program
/// the client never had, when it had another, is a second program. Drafts are not yet part of the account's history.
/// </summary>
public static class ContractChanges
{
    public static IReadOnlyDictionary<int, ContractChangeKind> Classify(IReadOnlyCollection<ContractForChange> contracts)
    {
        var history = contracts.Where(c => c.Status != ContractStatus.Draft).OrderBy(c => c.StartDate).ThenBy(c => c.Id).ToList();
        var result = new Dictionary<int, ContractChangeKind>();
        for (var i = 0; i < history.Count; i++)
        {
            var contract = history[i];
            var earlier = history.Take(i).ToList();
            var previous = contract.ProgramId is null ? null : earlier.LastOrDefault(e => e.ProgramId == contract.ProgramId);
            result[contract.Id] = previous is not null
                ? (contract.Seats > previous.Seats ? ContractChangeKind.Upsell : contract.Seats < previous.Seats ? ContractChangeKind.Downsell : ContractChangeKind.Renewal)
                : earlier.Count > 0 && contract.ProgramId is not null && earlier.Any(e => e.ProgramId is not null) ? ContractChangeKind.SecondProgram
                : ContractChangeKind.New;
        }

        return result;
    }
}
