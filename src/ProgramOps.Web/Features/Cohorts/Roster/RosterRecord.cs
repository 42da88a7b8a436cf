namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>One data row of a roster file: either valid, or rejected with its problems.</summary>
/// <param name="Line">The 1-based line of the file where the row starts.</param>
public abstract record RosterRecord(int Line);

/// <summary>A row whose values are normalised (widths folded, kana in katakana) and valid.</summary>
public sealed record ValidRosterRecord(
    int Line,
    string EmployeeNumber,
    string Name,
    string? Kana,
    string Email,
    string? Department,
    int? BirthYear) : RosterRecord(Line);

public sealed record InvalidRosterRecord(int Line, IReadOnlyList<RosterRowProblem> Problems) : RosterRecord(Line);

