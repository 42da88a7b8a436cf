using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.UnitTests.Feedback;

public sealed class LearnerTests
{
    private static TrainingExample Example(string title, Destination destination, FeedbackSource source = FeedbackSource.CsObservation) =>
        new(new FeedbackFacts { Title = title, Source = source }, destination);

    [Fact]
    public void The_model_learns_words_from_past_decisions_and_names_them_as_signals()
    {
        var model = NaiveBayesRouter.Train([
            Example("ニコチンガムが届かない", Destination.ProgramLayer),
            Example("ニコチンパッチが合わない", Destination.ProgramLayer),
            Example("アプリが落ちる", Destination.BaseProduct),
            Example("アプリの通知が来ない", Destination.BaseProduct),
            Example("月次レポートの書式", Destination.ClientAccount, FeedbackSource.Client),
            Example("契約の席数を追加", Destination.ClientAccount, FeedbackSource.Client),
        ]);

        var suggestion = model.Suggest(new FeedbackFacts { Title = "にこちんがむの配送が遅い" }, FeedbackTextFolding.Fold("にこちんがむの配送が遅い"), signalCount: 3);

        Assert.Equal(Destination.ProgramLayer, suggestion.Destination);
        Assert.InRange(suggestion.Probability, 0.34, 1);
        Assert.Contains(new MatchedCondition(ConditionKind.Keyword, "にこちんがむの"), suggestion.Signals);
        Assert.DoesNotContain(suggestion.Signals, s => s.Kind == ConditionKind.Keyword && s.Value.Length < 3);
        Assert.Equal(6, model.TrainingSize);
    }

    [Fact]
    public void Signals_are_the_items_words_and_its_fields_never_character_fragments()
    {
        var model = NaiveBayesRouter.Train(FeedbackSeed.Examples);
        var item = new FeedbackFacts { Title = "ニコチンガムの配送が遅れている", Category = FeedbackCategory.Supplies };

        var signals = model.Suggest(item, item.FoldedText(), signalCount: 5).Signals;

        Assert.NotEmpty(signals);
        Assert.All(signals.Where(s => s.Kind == ConditionKind.Keyword), s => Assert.Contains(s.Value, new[] { "ニコチンガム", "配送", "れている" }));
        Assert.Contains(signals, s => s.Kind == ConditionKind.Keyword && s.Value == "ニコチンガム");
        Assert.Equal([("ニコチンガム", "ニコチンガム"), ("アプリ", "アプリ"), ("App", "app")], FeedbackTextFolding.Words("ニコチンガムのアプリ、App"));
    }

    [Fact]
    public void A_handful_of_examples_never_makes_the_model_certain()
    {
        var twoExamples = NaiveBayesRouter.Train([Example("アプリが落ちる", Destination.BaseProduct), Example("契約の席数", Destination.ClientAccount)]);
        var seeded = NaiveBayesRouter.Train(FeedbackSeed.Examples);
        var item = new FeedbackFacts { Title = "アプリが落ちる" };

        var fromTwo = twoExamples.Suggest(item).Probability;
        var fromSeed = seeded.Suggest(new FeedbackFacts { Title = "アプリが起動直後に落ちる", Category = FeedbackCategory.Defect }).Probability;

        // Shrunk toward the base rate as if 10 more examples had said only that: (2 × ≤1 + 10 × ½) / 12 ≤ 0.59.
        Assert.InRange(fromTwo, 1.0 / 3, (2 + (NaiveBayesRouter.PriorStrength * 0.5)) / (2 + NaiveBayesRouter.PriorStrength));
        Assert.InRange(fromSeed, 0.7, 0.97);
    }

    [Fact]
    public void An_override_added_to_the_training_set_changes_what_the_model_suggests()
    {
        List<TrainingExample> examples = [
            Example("report layout for executives", Destination.ClientAccount),
            Example("report numbers per department", Destination.ClientAccount),
            Example("app report screen is slow", Destination.BaseProduct),
        ];
        var item = new FeedbackFacts { Title = "survey report reminder" };
        Assert.Equal(Destination.ClientAccount, NaiveBayesRouter.Train(examples).Suggest(item).Destination);

        examples.Add(Example("survey reminder wording", Destination.ProgramLayer));
        examples.Add(Example("survey reminder timing", Destination.ProgramLayer));

        Assert.Equal(Destination.ProgramLayer, NaiveBayesRouter.Train(examples).Suggest(item).Destination);
    }

    [Fact]
    public void Needs_triage_decisions_teach_nothing()
    {
        var model = NaiveBayesRouter.Train([Example("unclear", Destination.NeedsTriage), Example("app crash", Destination.BaseProduct)]);

        Assert.Equal(1, model.TrainingSize);
    }

    [Fact]
    public void Probabilities_are_a_share_of_the_three_destinations()
    {
        var model = NaiveBayesRouter.Train(FeedbackSeed.Examples);

        var suggestion = model.Suggest(new FeedbackFacts { Title = "完全に新しい話題" });

        Assert.InRange(suggestion.Probability, 1.0 / 3, 1);
        Assert.Empty(suggestion.Signals);
    }
}
