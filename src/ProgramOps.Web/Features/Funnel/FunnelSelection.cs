using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features.Funnel;

/// <summary>
/// Which participants a funnel counts: each set field narrows the selection, an unset one takes all. Team size is the
/// number of people ever placed in the participant's team (late joiners included); department is whether the roster gave one.
/// </summary>
public sealed record FunnelSelection
{
    public int? ProgramId { get; init; }
    public int? Version { get; init; }
    public int? ClientId { get; init; }
    public ClientSegment? Segment { get; init; }
    public int? CohortId { get; init; }
    /// <summary>Cohorts that start on or after this day.</summary>
    public DateOnly? StartFrom { get; init; }
    /// <summary>Cohorts that start on or before this day.</summary>
    public DateOnly? StartTo { get; init; }
    public int? TeamSize { get; init; }
    public bool? HasDepartment { get; init; }

    public bool IsEmpty => this == new FunnelSelection();

    /// <summary>The fields that are set, each a condition of the selection's SQL.</summary>
    public SelectionFilters Filters =>
        (ProgramId is null ? 0 : SelectionFilters.Program) | (Version is null ? 0 : SelectionFilters.Version)
        | (ClientId is null ? 0 : SelectionFilters.Client) | (Segment is null ? 0 : SelectionFilters.Segment)
        | (CohortId is null ? 0 : SelectionFilters.Cohort) | (StartFrom is null ? 0 : SelectionFilters.StartFrom)
        | (StartTo is null ? 0 : SelectionFilters.StartTo) | (TeamSize is null ? 0 : SelectionFilters.TeamSize)
        | (HasDepartment is null ? 0 : SelectionFilters.Department);

    /// <summary>The selection as query values under <paramref name="prefix"/> ("a.CohortId"), for links that keep it.</summary>
    public Dictionary<string, string?> ToRouteValues(string prefix) => new()
    {
        [$"{prefix}.{nameof(ProgramId)}"] = ProgramId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}.{nameof(Version)}"] = Version?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}.{nameof(ClientId)}"] = ClientId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}.{nameof(Segment)}"] = Segment?.ToString(),
        [$"{prefix}.{nameof(CohortId)}"] = CohortId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}.{nameof(StartFrom)}"] = StartFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}.{nameof(StartTo)}"] = StartTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}.{nameof(TeamSize)}"] = TeamSize?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{prefix}.{nameof(HasDepartment)}"] = HasDepartment?.ToString(),
    };

    /// <summary>The Dapper parameters the selection's conditions read.</summary>
    public object Parameters() => new
    {
        ProgramId, Version, ClientId, Segment = Segment?.ToString(), CohortId, StartFrom, StartTo, TeamSize,
        HasDepartment = HasDepartment is { } has ? (has ? 1 : 0) : (int?)null,
    };
}

/// <summary>The fields of a <see cref="FunnelSelection"/> that are set.</summary>
[Flags]
public enum SelectionFilters
{
    None = 0,
    Program = 1,
    Version = 2,
    Client = 4,
    Segment = 8,
    Cohort = 16,
    StartFrom = 32,
    StartTo = 64,
    TeamSize = 128,
    Department = 256,
}
