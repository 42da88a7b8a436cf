using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Events;

/// <summary>Decides a participant's outcome from the final assessment by the program version's success criterion. No I/O.</summary>
public static class SuccessEvaluation
{
    /// <returns>The outcome, or what the assessment lacks for this criterion.</returns>
    public static (ParticipantOutcome? Outcome, string? Missing) Decide(SuccessCriterion criterion, FinalAssessment answer) => criterion switch
    {
        SelfReportedAbstinence when answer.AbstinentDays is null => (null, "abstinentDays"),
        SelfReportedAbstinence { CoVerified: true } when answer.CoPpm is null => (null, "coPpm"),
        SelfReportedAbstinence rule => (Outcome(answer.AbstinentDays >= rule.Days
            && (!rule.CoVerified || rule.MaxCoPpm is not { } max || answer.CoPpm <= max)), null),
        BodyMeasureChange when answer.WeightChangeKg is null => (null, "weightChangeKg"),
        BodyMeasureChange when answer.WaistChangeCm is null => (null, "waistChangeCm"),
        // 特定保健指導 第4期: success needs both losses (−2 kg and −2 cm); −1/−1 is a partial result, counted by the reports.
        BodyMeasureChange rule => (Outcome(-answer.WeightChangeKg >= rule.WeightLossKg && -answer.WaistChangeCm >= rule.WaistLossCm), null),
        AverageDailySteps when answer.AverageDailySteps is null => (null, "averageDailySteps"),
        AverageDailySteps rule => (Outcome(answer.AverageDailySteps >= rule.Steps), null),
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "A success criterion without an evaluation."),
    };

    private static ParticipantOutcome Outcome(bool succeeded) => succeeded ? ParticipantOutcome.Succeeded : ParticipantOutcome.NotSucceeded;
}
