namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>Marker for the roster import pages' texts: ImportsText.resx.</summary>
public sealed class ImportsText;
