namespace ProgramOps.Web.Features.Clients.Signals;

/// <summary>Marker for the client signals job's texts: SignalsText.resx.</summary>
public sealed class SignalsText;
