namespace ProgramOps.Web.Features.Actions;

/// <summary>How urgent an action is; the queue shows the most urgent first.</summary>
public enum CsActionPriority
{
    High = 1,
    Normal = 2,
    Low = 3,
}

/// <summary>When each kind of action is due and how urgent it is, in Japanese working days where people must act.</summary>
public static class CsActionSchedule
{
    /// <summary>A participant at risk is called within two working days, before the habit of checking in is lost.</summary>
    public const int AtRiskWorkingDays = 2;

    /// <summary>A participant waiting for nicotine replacement is helped the next working day.</summary>
    public const int ShipmentProblemWorkingDays = 1;

    /// <summary>A team below its minimum is refilled or merged within three working days.</summary>
    public const int TeamBelowMinimumWorkingDays = 3;

    /// <summary>
    /// The renewal decision is wanted this many days before the contract ends: Japanese B2B contracts typically need a
    /// month's notice to end or change an automatic renewal, and the client's approval takes a couple of weeks more.
    /// </summary>
    public const int RenewalDecisionLeadDays = 45;

    /// <summary>Time given to prepare a renewal conversation (outcomes, proposal) when the contract is far from its end.</summary>
    public const int RenewalPreparationDays = 14;

    /// <summary>An account signal (low health, no decision maker or touch, seats nearly used, a report due) is acted on within a working week.</summary>
    public const int AccountWorkingDays = 5;

    /// <summary>An under-enrolled cohort is raised with the client within two working days, while late joiners may still come in.</summary>
    public const int UnderEnrolledWorkingDays = 2;

    public static DateOnly AccountDue(DateOnly today) => JapaneseWorkingDays.Add(today, AccountWorkingDays);

    public static DateOnly UnderEnrolledDue(DateOnly today) => JapaneseWorkingDays.Add(today, UnderEnrolledWorkingDays);

    public static DateOnly AtRiskDue(DateOnly today) => JapaneseWorkingDays.Add(today, AtRiskWorkingDays);

    public static DateOnly ShipmentProblemDue(DateOnly today) => JapaneseWorkingDays.Add(today, ShipmentProblemWorkingDays);

    public static DateOnly TeamBelowMinimumDue(DateOnly today) => JapaneseWorkingDays.Add(today, TeamBelowMinimumWorkingDays);

    /// <summary>
    /// Two weeks from now, but never later than <see cref="RenewalDecisionLeadDays"/> before the contract ends (moved back to
    /// a working day); a contract already closer to its end than that is due at once.
    /// </summary>
    public static DateOnly RenewalDue(DateOnly today, DateOnly contractEnds)
    {
        var latest = contractEnds.AddDays(-RenewalDecisionLeadDays);
        var due = today.AddDays(RenewalPreparationDays) < latest ? today.AddDays(RenewalPreparationDays) : latest;
        return due <= today ? JapaneseWorkingDays.Add(today, 0) : Max(today, JapaneseWorkingDays.OnOrBefore(due));
    }

    /// <summary>The 30-day reminder is urgent, the 60-day one normal, the 90-day one a heads-up.</summary>
    public static CsActionPriority RenewalPriority(int milestoneDays) => milestoneDays switch
    {
        <= 30 => CsActionPriority.High,
        <= 60 => CsActionPriority.Normal,
        _ => CsActionPriority.Low,
    };

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
