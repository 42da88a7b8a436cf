namespace ProgramOps.Web.Features.Demo;

/// <summary>Where a demo client stands with us, which decides the shape of its contracts.</summary>
public enum DemoLifecycle
{
    /// <summary>No contract yet, or only a draft.</summary>
    Prospect,
    /// <summary>An active contract with more than 90 days to run.</summary>
    Customer,
    /// <summary>An active contract ending within 90 days.</summary>
    Renewing,
    /// <summary>Only ended or cancelled contracts.</summary>
    Churned,
}

public sealed record DemoStaff(string UserName, string DisplayName, string Email, string Role);

public sealed record DemoKeyPerson(string Name, string Title, string Role, string Email, string Phone);

public sealed record DemoContract(
    string ProgramName, int Seats, int PricePerSeatJpy, DateOnly StartDate, DateOnly EndDate, bool AutoRenew, string Status,
    int EligiblePopulation, DateOnly EligiblePopulationAsOf, int? FeePerIttSuccessJpy, int? FeePerVerifiedSuccessJpy);

/// <summary>
/// One client organisation. Owners and the parent are indexes into <see cref="DemoDataSet.Staff"/> and
/// <see cref="DemoDataSet.Clients"/> (a parent always comes before its members), because ids exist only
/// once the rows are inserted.
/// </summary>
public sealed record DemoClient(
    string Name,
    string NameKana,
    string Kind,
    string Segment,
    int EligiblePopulation,
    string CsType,
    string CsStyle,
    string TouchModel,
    int? CsOwnerIndex,
    int? BizDevOwnerIndex,
    int? ParentIndex,
    string? Notes,
    DemoLifecycle Lifecycle,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<DemoKeyPerson> KeyPersons,
    IReadOnlyList<DemoContract> Contracts);

public sealed record DemoDataSet(IReadOnlyList<DemoStaff> Staff, IReadOnlyList<DemoClient> Clients);
