namespace ProgramOps.Web.Features.Outcomes;

/// <summary>Marker for the outcome reports' texts (OutcomesText.resx, OutcomesText.ja.resx).</summary>
public sealed class OutcomesText;
