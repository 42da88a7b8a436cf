namespace ProgramOps.Web.Features.Interviews;

/// <summary>Marker for the N1 interviews' texts (InterviewsText.resx).</summary>
public sealed class InterviewsText;
