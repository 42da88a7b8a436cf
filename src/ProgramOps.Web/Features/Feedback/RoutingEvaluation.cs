namespace ProgramOps.Web.Features.Feedback;

/// <summary>
/// How well the rules and the learned model route past decisions. The model is scored on held-out folds
/// (trained without the examples it is asked about); the rules need no training and are scored on all.
/// A Needs-triage answer counts as wrong: it routes nothing.
/// </summary>
public sealed record AccuracyReport(int Examples, int Folds, double RuleAccuracy, double? ModelAccuracy, double BaselineAccuracy, double RuleTriageRate);

public static class RoutingEvaluation
{
    public const int DefaultFolds = 5;

    public static AccuracyReport Evaluate(IReadOnlyList<TrainingExample> examples, IReadOnlyList<RoutingRule> rules, int folds = DefaultFolds)
    {
        if (examples.Count == 0) return new AccuracyReport(0, folds, 0, null, 0, 0);
        var router = new RuleRouter(rules);
        var ruleResults = examples.Select(e => router.Route(e.Facts).Destination).ToList();
        var ruleCorrect = ruleResults.Where((d, i) => d == examples[i].Destination).Count();
        var triaged = ruleResults.Count(d => d == Destination.NeedsTriage);

        int modelCorrect = 0, baselineCorrect = 0;
        for (var fold = 0; fold < folds; fold++)
        {
            var training = examples.Where((_, i) => i % folds != fold).ToList();
            var heldOut = examples.Where((_, i) => i % folds == fold).ToList();
            if (heldOut.Count == 0 || training.Count == 0) continue;
            var model = NaiveBayesRouter.Train(training);
            var majority = training.GroupBy(e => e.Destination).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
            modelCorrect += heldOut.Count(e => model.Suggest(e.Facts).Destination == e.Destination);
            baselineCorrect += heldOut.Count(e => e.Destination == majority);
        }

        double Share(int count) => (double)count / examples.Count;
        var canHoldOut = examples.Count >= folds * 2;
        return new AccuracyReport(examples.Count, folds, Share(ruleCorrect), canHoldOut ? Share(modelCorrect) : null, Share(baselineCorrect), Share(triaged));
    }
}
