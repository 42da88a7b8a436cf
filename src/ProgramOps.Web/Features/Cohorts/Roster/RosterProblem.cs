namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>Why a roster row was rejected. The UI turns each into a localised text.</summary>
public enum RosterProblem
{
    /// <summary>A required field (employee number, name, e-mail) is empty.</summary>
    MissingValue,
    MalformedEmail,
    /// <summary>The reading is not katakana, even after hiragana were turned into katakana.</summary>
    KanaNotKatakana,
    /// <summary>Not a 4-digit year between 1900 and the current year.</summary>
    InvalidBirthYear,
    TooManyColumns,
    TooFewColumns,
    /// <summary>An earlier row has the same employee number; <see cref="RosterRowProblem.FirstLine"/> names it.</summary>
    DuplicateEmployeeNumber,
    /// <summary>An earlier row has the same e-mail address; <see cref="RosterRowProblem.FirstLine"/> names it.</summary>
    DuplicateEmail,
    /// <summary>Quotes that do not pair up, such as a quoted field that is never closed.</summary>
    MalformedQuotes,
    /// <summary>The person (same client, same employee number) is already a participant of this cohort.</summary>
    AlreadyInCohort,
    /// <summary>The person takes part in another cohort whose dates overlap; the value names that cohort.</summary>
    AlreadyInOverlappingCohort,
    /// <summary>Another participant of this cohort already has the e-mail address.</summary>
    EmailAlreadyInCohort,
    /// <summary>The contract's seats in this cohort are taken by the rows before this one.</summary>
    OverCapacity,
    /// <summary>Longer than the field takes (<see cref="RosterLimits.MaxLength"/>); the value is its start.</summary>
    TooLong,
    /// <summary>A control character (NUL, escape…) or an invisible direction override; the value shows each as �.</summary>
    ControlCharacter,
}

/// <summary>One problem of one row.</summary>
/// <param name="Field">The field at fault; null for problems of the whole row (columns, quotes).</param>
/// <param name="Column">The header text of the column at fault, as written in the file.</param>
/// <param name="Value">The offending value after normalisation; for column counts, the number of columns the row has.</param>
/// <param name="FirstLine">For duplicates, the line where the value first appeared.</param>
public sealed record RosterRowProblem(
    RosterProblem Problem, RosterField? Field, string? Column, string Value, int? FirstLine = null)
{
    /// <summary>A wrong optional value (kana, department, birth year): the row is kept without it.</summary>
    public bool IsWarning => Field is { } at && !RosterFields.Required.Contains(at);
}
