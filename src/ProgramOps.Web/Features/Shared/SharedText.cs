namespace ProgramOps.Web.Features.Shared;

/// <summary>Marker for the texts every page shares (layout, navigation, common buttons): SharedText.resx.</summary>
public sealed class SharedText;
