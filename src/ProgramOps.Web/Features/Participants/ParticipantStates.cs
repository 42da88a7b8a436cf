namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// The groups of lifecycle states the console's rules speak of, each defined once here, with the SQL <c>IN</c> lists
/// generated from the same definition so no statement keeps a copy of its own.
/// </summary>
public static class ParticipantStates
{
    /// <summary>Still in the program (invited or further, not declined, expired, dropped out, withdrawn or completed).</summary>
    public static bool TakesPart(this ParticipantState state) => state is ParticipantState.Invited or ParticipantState.Enrolled
        or ParticipantState.Onboarding or ParticipantState.Active or ParticipantState.AtRisk;

    /// <summary>Consented and linked the app, and still in the program.</summary>
    public static bool IsEnrolled(this ParticipantState state) => state.TakesPart() && state != ParticipantState.Invited;

    /// <summary>Holds a seat of the contract and a place in the cohort: everyone but those who declined, let the invitation expire or withdrew.</summary>
    public static bool HoldsSeat(this ParticipantState state) =>
        state is not (ParticipantState.Declined or ParticipantState.InvitationExpired or ParticipantState.Withdrawn);

    /// <summary>SQL list of the states that take part, e.g. <c>State IN {TakingPartSql}</c>.</summary>
    public static readonly string TakingPartSql = SqlList(TakesPart);

    /// <summary>SQL list of the states that are enrolled and still in the program.</summary>
    public static readonly string EnrolledSql = SqlList(IsEnrolled);

    /// <summary>SQL list of the states that hold a seat.</summary>
    public static readonly string HoldingSeatSql = SqlList(HoldsSeat);

    /// <summary>The states matching <paramref name="rule"/> as an SQL list: <c>('Invited', 'Enrolled')</c>.</summary>
    public static string SqlList(Func<ParticipantState, bool> rule) =>
        $"({string.Join(", ", Enum.GetValues<ParticipantState>().Where(rule).Select(state => $"'{state}'"))})";
}
