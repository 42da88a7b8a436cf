using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.UnitTests.Feedback;

/// <summary>The quality bar: on the shipped seed set, rules and learned model both beat the majority class clearly.</summary>
public sealed class RoutingAccuracyTests(ITestOutputHelper output)
{
    private const double ClearMargin = 0.25;

    [Fact]
    public void Seed_set_has_at_least_60_examples_in_Japanese_and_English_for_every_destination()
    {
        var examples = FeedbackSeed.Examples;

        Assert.True(examples.Count >= 60, $"{examples.Count} examples");
        Assert.Contains(examples, e => e.Facts.Title.Any(c => c > 0x3000));
        Assert.Contains(examples, e => e.Facts.Title.All(c => c < 0x80));
        foreach (var destination in new[] { Destination.BaseProduct, Destination.ProgramLayer, Destination.ClientAccount })
            Assert.True(examples.Count(e => e.Destination == destination) >= 15, destination.ToString());
    }

    [Fact]
    public void Rules_and_learned_model_clearly_beat_always_choosing_the_most_common_destination()
    {
        var report = RoutingEvaluation.Evaluate(FeedbackSeed.Examples, FeedbackSeed.DefaultRules);

        output.WriteLine($"examples {report.Examples}, folds {report.Folds}: rules {report.RuleAccuracy:P1} (triaged {report.RuleTriageRate:P1}), " +
                         $"learned model held-out {report.ModelAccuracy:P1}, majority baseline {report.BaselineAccuracy:P1}");
        Assert.True(report.RuleAccuracy >= report.BaselineAccuracy + ClearMargin, $"rules {report.RuleAccuracy:P1} vs baseline {report.BaselineAccuracy:P1}");
        Assert.NotNull(report.ModelAccuracy);
        Assert.True(report.ModelAccuracy >= report.BaselineAccuracy + ClearMargin, $"model {report.ModelAccuracy:P1} vs baseline {report.BaselineAccuracy:P1}");
    }

    [Fact]
    public void The_learned_model_without_the_scope_answers_still_beats_the_baseline_on_text_and_fields_alone()
    {
        var withoutAnswers = FeedbackSeed.Examples
            .Select(e => e with { Facts = e.Facts with { HelpsEveryUser = ScopeAnswer.Unknown, ProgramSpecific = ScopeAnswer.Unknown, ClientAsked = ScopeAnswer.Unknown } })
            .ToList();

        var report = RoutingEvaluation.Evaluate(withoutAnswers, FeedbackSeed.DefaultRules);

        output.WriteLine($"without answers: rules {report.RuleAccuracy:P1} (triaged {report.RuleTriageRate:P1}), model {report.ModelAccuracy:P1}, baseline {report.BaselineAccuracy:P1}");
        Assert.True(report.ModelAccuracy >= report.BaselineAccuracy + ClearMargin, $"model {report.ModelAccuracy:P1} vs baseline {report.BaselineAccuracy:P1}");
    }
}
