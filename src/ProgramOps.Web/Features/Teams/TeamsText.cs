namespace ProgramOps.Web.Features.Teams;

/// <summary>Marker for the team pages' texts: TeamsText.resx.</summary>
public sealed class TeamsText;
