namespace ProgramOps.Web.Features.Participants.Invitations;

/// <summary>Marker for the invitation pages' and letters' texts: InvitationsText.resx.</summary>
public sealed class InvitationsText;
