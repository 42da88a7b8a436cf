using System.Globalization;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// The participant list's filter, sort and page, shared by the list and the bulk step that acts on what it shows (the
/// bulk step ignores the sort and page: it acts on every match).
/// </summary>
public sealed record ParticipantFilter : SortedPageQuery<ParticipantSort>
{
    /// <summary>Stands for "never checked in" in <see cref="Week"/>.</summary>
    public const int NeverCheckedIn = 0;

    public string? Q { get; init; }
    public ParticipantState? State { get; init; }
    public int? Client { get; init; }
    public int? Team { get; init; }

    /// <summary>The program week of the last check-in, to find where people went quiet; <see cref="NeverCheckedIn"/> for nobody yet.</summary>
    public int? Week { get; init; }

    public bool IsEmpty => Q is null && State is null && Client is null && Team is null && Week is null;

    /// <summary>Ids start at 1: a search that is no participant's label finds nobody.</summary>
    private const long NoParticipant = 0;

    /// <summary>The sort a viewer who may not see names gets: names and employee numbers do not order what they see.</summary>
    public ParticipantSort SortFor(bool personal) =>
        personal || Sort is not (ParticipantSort.Name or ParticipantSort.EmployeeNumber) ? Sort : ParticipantSort.Imported;

    /// <summary>The filters set, for the statement that applies only those (<see cref="ParticipantsSql.Count"/>).</summary>
    /// <param name="personal">Whether the viewer may see personal fields: if not, the search text is a pseudonymous label.</param>
    public ParticipantListFilters InUse(bool personal) =>
        (State is null ? 0 : ParticipantListFilters.State)
        | (Client is null ? 0 : ParticipantListFilters.Client)
        | (Team is null ? 0 : ParticipantListFilters.Team)
        | (Week is null ? 0 : ParticipantListFilters.Week)
        | (Q is null ? 0 : personal ? ParticipantListFilters.Search : ParticipantListFilters.Pseudonym);

    /// <param name="personal">
    /// Whether the viewer may see personal fields: if not, the search text matches only a participant's pseudonymous
    /// label, never a name, kana, employee number or e-mail (which would tell them who takes part).
    /// </param>
    public DynamicParameters Parameters(int cohortId, DateOnly cohortStart, int skip, int take, bool personal)
    {
        var parameters = new DynamicParameters();
        parameters.Add("PseudonymId", personal || Q is null ? null : ParticipantPrivacy.ParsePseudonym(Q) ?? NoParticipant);
        parameters.Add("CohortId", cohortId);
        parameters.Add("State", State?.ToString());
        parameters.Add("ClientId", Client);
        parameters.Add("TeamNumber", Team);
        var (from, to) = (personal ? ParticipantSearchKey.StartingWith(Q) : null) ?? default;
        parameters.Add("SearchFrom", from);
        parameters.Add("SearchTo", to);
        parameters.Add("SearchExact", personal ? ParticipantSearchKey.Exact(Q) : null);
        parameters.Add("Week", Week);
        (DateOnly? checkInFrom, DateOnly? checkInBefore) = Week switch
        {
            > ProgramWeek.MaxWeeks => (cohortStart, cohortStart),
            > NeverCheckedIn and var week => ProgramWeek.Days(cohortStart, week),
            _ => (default(DateOnly?), default(DateOnly?)),
        };
        parameters.Add("CheckInFrom", checkInFrom);
        parameters.Add("CheckInBefore", checkInBefore);
        parameters.Add("Skip", skip);
        parameters.Add("Take", take);
        return parameters;
    }

    /// <summary>The filter's values that are set, as route values, for links and forms that keep it.</summary>
    public Dictionary<string, string> RouteValues(int? cohortId = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["cohortId"] = cohortId?.ToString(CultureInfo.InvariantCulture),
            ["q"] = Q,
            ["state"] = State?.ToString(),
            ["client"] = Client?.ToString(CultureInfo.InvariantCulture),
            ["team"] = Team?.ToString(CultureInfo.InvariantCulture),
            ["week"] = Week?.ToString(CultureInfo.InvariantCulture),
        };
        return values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!);
    }
}
