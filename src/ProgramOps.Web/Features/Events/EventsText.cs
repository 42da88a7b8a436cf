namespace ProgramOps.Web.Features.Events;

/// <summary>Marker for the events feature's texts (the API key pages): EventsText.resx.</summary>
public sealed class EventsText;
