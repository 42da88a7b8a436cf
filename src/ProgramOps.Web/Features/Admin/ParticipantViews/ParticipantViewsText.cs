namespace ProgramOps.Web.Features.Admin.ParticipantViews;

/// <summary>Marker for the view log page's texts: ParticipantViewsText.resx.</summary>
public sealed class ParticipantViewsText;
