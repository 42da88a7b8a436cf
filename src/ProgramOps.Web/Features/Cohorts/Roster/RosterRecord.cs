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
    int? BirthYear) : RosterRecord(Line)
{
    /// <summary>Optional values left out because they were wrong (see <see cref="RosterRowProblem.IsWarning"/>).</summary>
    public IReadOnlyList<RosterRowProblem> Warnings { get; init; } = [];

    public RosterPerson Person => new(EmployeeNumber, Name);
}

/// <param name="Person">Who the row is about, as far as the file says (empty where it does not).</param>
public sealed record InvalidRosterRecord(int Line, IReadOnlyList<RosterRowProblem> Problems, RosterPerson Person) : RosterRecord(Line);

/// <summary>The person a row is about, so that a problem can be sent back to the client naming them.</summary>
public sealed record RosterPerson(string EmployeeNumber, string Name)
{
    public static readonly RosterPerson Unknown = new("", "");
}

