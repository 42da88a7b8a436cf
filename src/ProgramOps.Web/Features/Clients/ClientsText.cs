namespace ProgramOps.Web.Features.Clients;

/// <summary>Marker for the client pages' texts: ClientsText.resx.</summary>
public sealed class ClientsText;
