namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>The counts of a read; blank rows are skipped and not counted.</summary>
public sealed record RosterSummary(int RowsRead, int Valid, int Invalid);
