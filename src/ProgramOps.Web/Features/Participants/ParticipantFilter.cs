namespace ProgramOps.Web.Features.Participants;

/// <summary>The parameters of the participant list's filter, shared by the list and the bulk step that acts on it.</summary>
public static class ParticipantFilter
{
    public static DynamicParameters Parameters(int cohortId, ParticipantState? state, int? clientId, int? teamNumber, string? search, int skip, int take)
    {
        var parameters = new DynamicParameters();
        parameters.Add("CohortId", cohortId);
        parameters.Add("State", state?.ToString());
        parameters.Add("ClientId", clientId);
        parameters.Add("TeamNumber", teamNumber);
        parameters.Add("Search", LikePattern.Containing(search));
        parameters.Add("Skip", skip);
        parameters.Add("Take", take);
        return parameters;
    }
}
