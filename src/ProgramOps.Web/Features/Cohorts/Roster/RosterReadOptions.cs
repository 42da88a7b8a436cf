namespace ProgramOps.Web.Features.Cohorts.Roster;

public sealed class RosterReadOptions
{
    /// <summary>The latest valid birth year: this year where the client is (LocalClock.Today.Year).</summary>
    public required int CurrentYear { get; init; }

    public RosterEncoding Encoding { get; init; } = RosterEncoding.Auto;

    /// <summary>The choices of the mapping step; without any, columns are matched by their header names.</summary>
    public RosterColumnMapping Mapping { get; init; } = new();

    /// <summary>
    /// About how many rows the file has, if known: the duplicate checks make room for them at once instead of growing
    /// (each growth leaves its old table behind on the large-object heap, which is collected rarely).
    /// </summary>
    public int ExpectedRows { get; init; }
}
