namespace ProgramOps.Web.Features.Issues;

/// <summary>Marker for the issues' texts (IssuesText.resx).</summary>
public sealed class IssuesText;
