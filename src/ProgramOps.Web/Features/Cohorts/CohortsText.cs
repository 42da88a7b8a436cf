namespace ProgramOps.Web.Features.Cohorts;

/// <summary>Marker for the cohort pages' texts: CohortsText.resx.</summary>
public sealed class CohortsText;
