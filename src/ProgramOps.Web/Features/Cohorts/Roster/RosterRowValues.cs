namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>The values of one row as they are in the file; empty for a field no column holds.</summary>
public readonly record struct RosterRowValues(
    string EmployeeNumber, string Name, string Kana, string Email, string Department, string BirthYear);
