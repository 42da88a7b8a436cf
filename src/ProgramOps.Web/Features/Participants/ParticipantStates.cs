namespace ProgramOps.Web.Features.Participants;

public static class ParticipantStates
{
    /// <summary>Still in the program (invited or further, not declined, expired, dropped out, withdrawn or completed).</summary>
    public static bool TakesPart(this ParticipantState state) => state is ParticipantState.Invited or ParticipantState.Enrolled
        or ParticipantState.Onboarding or ParticipantState.Active or ParticipantState.AtRisk;

    /// <summary>Consented and linked the app, and still in the program.</summary>
    public static bool IsEnrolled(this ParticipantState state) => state.TakesPart() && state != ParticipantState.Invited;
}
