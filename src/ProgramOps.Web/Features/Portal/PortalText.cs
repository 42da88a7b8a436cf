namespace ProgramOps.Web.Features.Portal;

/// <summary>Marker for the portal's texts (client-facing pages and the staff page for client users): PortalText.resx.</summary>
public sealed class PortalText;
