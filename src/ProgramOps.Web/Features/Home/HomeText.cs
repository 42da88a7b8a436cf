namespace ProgramOps.Web.Features.Home;

/// <summary>Marker for the home pages' texts: HomeText.resx.</summary>
public sealed class HomeText;
