namespace ProgramOps.Web.Features.Participants;

/// <summary>Marker for the participant pages' texts: ParticipantsText.resx.</summary>
public sealed class ParticipantsText;
