namespace ProgramOps.Web.Features.Health;

/// <summary>What an account's health is read from; each signal scores 0–1 and counts for its segment's weight.</summary>
public enum HealthSignal
{
    /// <summary>Enrolled ÷ eligible population (参加率) of the client's latest cohort; full marks from 8 %, the field's figure.</summary>
    Participation,
    /// <summary>Enrolled ÷ seats (定員) of the client's latest cohort; full marks at 100 %.</summary>
    Enrolment,
    /// <summary>Change in the share checking in, the last two complete program weeks against the two before (points).</summary>
    Engagement,
    /// <summary>The client's ITT quit rate minus the program's pooled rate (points).</summary>
    Outcome,
    /// <summary>NPS of the client's latest cohort (−100 to +100).</summary>
    Nps,
    /// <summary>Whether a decision maker (意思決定者) is on file (1 or 0).</summary>
    DecisionMaker,
    /// <summary>Days since the client was last touched.</summary>
    LastTouch,
    /// <summary>Open requests from the client in the feedback queues.</summary>
    ClientRequests,
    /// <summary>Days until the next contract end.</summary>
    Renewal,
}

/// <summary>How each signal's value becomes a score from 0 (worst) to 1 (best): plain rules, stated on the page.</summary>
public static class SignalScoring
{
    public const double ParticipationForFullMarks = 0.08;
    public const double PointsForFullSwing = 0.10;
    public const int TouchFreshDays = 30;
    public const int TouchStaleDays = 90;
    public const int RequestsForZero = 3;
    public const int RenewalCalmDays = 180;

    public static double Score(HealthSignal signal, double value) => Math.Clamp(signal switch
    {
        HealthSignal.Participation => value / ParticipationForFullMarks,
        HealthSignal.Enrolment => value,
        // −10 points → 0, no change → 0.5, +10 points → 1.
        HealthSignal.Engagement or HealthSignal.Outcome => 0.5 + (value / (2 * PointsForFullSwing)),
        HealthSignal.Nps => (value + 100) / 200,
        HealthSignal.DecisionMaker => value,
        HealthSignal.LastTouch => (TouchStaleDays - value) / (TouchStaleDays - TouchFreshDays),
        HealthSignal.ClientRequests => 1 - (value / RequestsForZero),
        HealthSignal.Renewal => value / RenewalCalmDays,
        _ => 0,
    }, 0, 1);
}
