using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.Web.Features.Feedback.Rules;

/// <summary>
/// The rule set in order, with each rule's override rate (how often people moved what it routed), and
/// how well the rules and the learned model do on the past decisions (the model on held-out folds).
/// </summary>
public sealed class IndexModel(Db db, FeedbackRouting routing) : PageModel
{
    public sealed record RuleRow
    {
        public int Id { get; init; }
        public int Position { get; init; }
        public required string Name { get; init; }
        public string? NameJa { get; init; }
        public Destination Destination { get; init; }
        public bool IsEnabled { get; init; }
        public int Fired { get; init; }
        public int Overridden { get; init; }

        public double? OverrideRate => Fired == 0 ? null : (double)Overridden / Fired;
    }

    public IReadOnlyList<RuleRow> Rules { get; private set; } = [];
    public AccuracyReport Accuracy { get; private set; } = null!;
    public int SeedExamples => FeedbackSeed.Examples.Count;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using (var connection = await db.OpenAsync(ct))
        {
            Rules = (await connection.QueryAsync<RuleRow>(new CommandDefinition(RoutingRulesSql.OverrideRateByRule, cancellationToken: ct))).ToList();
        }

        var snapshot = await routing.CurrentAsync(ct);
        Accuracy = RoutingEvaluation.Evaluate(snapshot.Examples, snapshot.Rules);
    }
}
