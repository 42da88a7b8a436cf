using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features.Health;

/// <summary>One segment's weights, as stored (one column per signal) and edited by admins.</summary>
public sealed record HealthWeightsRow
{
    public ClientSegment Segment { get; init; }
    public int Participation { get; init; }
    public int Enrolment { get; init; }
    public int Engagement { get; init; }
    public int Outcome { get; init; }
    public int Nps { get; init; }
    public int DecisionMaker { get; init; }
    public int LastTouch { get; init; }
    public int ClientRequests { get; init; }
    public int Renewal { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string UpdatedBy { get; init; } = "";

    public IReadOnlyDictionary<HealthSignal, int> BySignal() => new Dictionary<HealthSignal, int>
    {
        [HealthSignal.Participation] = Participation,
        [HealthSignal.Enrolment] = Enrolment,
        [HealthSignal.Engagement] = Engagement,
        [HealthSignal.Outcome] = Outcome,
        [HealthSignal.Nps] = Nps,
        [HealthSignal.DecisionMaker] = DecisionMaker,
        [HealthSignal.LastTouch] = LastTouch,
        [HealthSignal.ClientRequests] = ClientRequests,
        [HealthSignal.Renewal] = Renewal,
    };
}
