namespace ProgramOps.Web.Features.Cohorts.Roster;

public sealed class RosterReadOptions
{
    /// <summary>The latest valid birth year: this year where the client is (LocalClock.Today.Year).</summary>
    public required int CurrentYear { get; init; }

    public RosterEncoding Encoding { get; init; } = RosterEncoding.Auto;

    /// <summary>The choices of the mapping step; without any, columns are matched by their header names.</summary>
    public RosterColumnMapping Mapping { get; init; } = new();
}
