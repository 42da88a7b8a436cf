namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>What a column of a roster file holds.</summary>
public enum RosterField
{
    EmployeeNumber,
    Name,
    Kana,
    Email,
    Department,
    BirthYear,
}

public static class RosterFields
{
    /// <summary>Without these a participant cannot be matched, addressed or invited.</summary>
    public static IReadOnlyList<RosterField> Required { get; } =
        [RosterField.EmployeeNumber, RosterField.Name, RosterField.Email];
}
