namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// Steps audited together — a daily job's batch, a batch of the app's events — as the audit row's changes: how many
/// moved from which state to which ("State (1) ×12": Active → AtRisk, worded by the audit log). Each participant's own
/// history, the transition log, keeps every step with its trigger, outcome and cause.
/// </summary>
public static class ParticipantMoves
{
    public static Dictionary<string, FieldChange> Counted(IEnumerable<ParticipantTransition> steps) =>
        steps.GroupBy(s => (s.From, s.To))
            .Select((g, i) => (Key: $"State ({i + 1}) ×{g.Count()}", Change: new FieldChange(g.Key.From.ToString(), g.Key.To.ToString())))
            .ToDictionary(m => m.Key, m => m.Change);
}
