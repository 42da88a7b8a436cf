namespace ProgramOps.Web.Features.Programs;

/// <summary>Marker for the program catalogue's texts: ProgramsText.resx.</summary>
public sealed class ProgramsText;
