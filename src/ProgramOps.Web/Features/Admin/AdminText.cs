namespace ProgramOps.Web.Features.Admin;

/// <summary>Marker for the admin pages' texts: AdminText.resx.</summary>
public sealed class AdminText;
