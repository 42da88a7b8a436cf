namespace ProgramOps.Web.Features.Initiatives;

/// <summary>Marker for the initiatives' texts (InitiativesText.resx).</summary>
public sealed class InitiativesText;
