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
        Assert.Contains("ニコ", suggestion.Signals);
        Assert.Equal(6, model.TrainingSize);
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
