using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.UnitTests.Feedback;

public sealed class RuleRouterTests
{
    private static readonly RoutingRule ClientAsked = new()
    {
        Id = 1, Name = "Client asked", Destination = Destination.ClientAccount, Weight = 3, When = new RuleConditions { ClientAsked = ScopeAnswer.Yes },
    };

    private static readonly RoutingRule GumWords = new()
    {
        Id = 2, Name = "Gum words", Destination = Destination.ProgramLayer, Weight = 2, When = new RuleConditions { Keywords = ["ニコチンガム", "nicotine gum"] },
    };

    private static readonly RoutingRule AppDefects = new()
    {
        Id = 3, Name = "App defects", Destination = Destination.BaseProduct, Weight = 2,
        When = new RuleConditions { Categories = [FeedbackCategory.Defect], Sources = [FeedbackSource.SupportInquiry, FeedbackSource.ParticipantApp] },
    };

    private static readonly RoutingRule EveryUser = new()
    {
        Id = 4, Name = "Every user", Destination = Destination.BaseProduct, Weight = 1, When = new RuleConditions { HelpsEveryUser = ScopeAnswer.Yes },
    };

    private static readonly RuleRouter Router = new([ClientAsked, GumWords, AppDefects, EveryUser]);

    private static FeedbackFacts Item(string title, FeedbackCategory category = FeedbackCategory.Other, FeedbackSource source = FeedbackSource.CsObservation) =>
        new() { Title = title, Category = category, Source = source };

    [Fact]
    public void A_keyword_matches_whatever_width_and_kana_it_was_typed_in()
    {
        var result = Router.Route(Item("ﾆｺﾁﾝｶﾞﾑが禁煙開始日より後に届いた"));

        Assert.Equal(Destination.ProgramLayer, result.Destination);
        var hit = Assert.Single(result.Hits);
        Assert.Equal("Gum words", hit.RuleName);
        Assert.Equal(new MatchedCondition(ConditionKind.Keyword, "ニコチンガム"), Assert.Single(hit.Matched));
    }

    [Fact]
    public void Every_set_condition_must_hold_and_any_value_of_a_list_is_enough()
    {
        Assert.Equal(Destination.BaseProduct, Router.Route(Item("Crash", FeedbackCategory.Defect, FeedbackSource.ParticipantApp)).Destination);
        Assert.Empty(Router.Route(Item("Crash", FeedbackCategory.Defect, FeedbackSource.TeamChat)).Hits);
        Assert.Empty(Router.Route(Item("Crash", FeedbackCategory.Usability, FeedbackSource.ParticipantApp)).Hits);
    }

    [Fact]
    public void No_rule_firing_means_needs_triage_with_that_reason()
    {
        var result = Router.Route(Item("Something unclear"));

        Assert.Equal(Destination.NeedsTriage, result.Destination);
        Assert.Equal(TriageReason.NoRuleFired, result.Triage);
        Assert.Equal(0, result.Confidence);
        Assert.Null(result.Decisive);
    }

    [Fact]
    public void Competing_rules_of_equal_weight_leave_confidence_too_low_and_the_earlier_rule_leads()
    {
        var facts = Item("nicotine gum crashes the app", FeedbackCategory.Defect, FeedbackSource.SupportInquiry);

        var result = Router.Route(facts);

        Assert.Equal(Destination.NeedsTriage, result.Destination);
        Assert.Equal(TriageReason.LowConfidence, result.Triage);
        Assert.Equal(Destination.ProgramLayer, result.Leading);
        Assert.Equal(2.0 / 5, result.Confidence, 3);
    }

    [Fact]
    public void The_explanation_names_the_rules_the_answers_and_what_tipped_it()
    {
        var facts = Item("Wants the report in Excel") with { ClientAsked = ScopeAnswer.Yes, HelpsEveryUser = ScopeAnswer.Yes };

        var result = Router.Route(facts);

        Assert.Equal(Destination.ClientAccount, result.Destination);
        Assert.Equal(["Client asked", "Every user"], result.Hits.Select(h => h.RuleName));
        Assert.Equal(3.0 / 5, result.Confidence, 3);
        Assert.Equal(3, result.Scores[Destination.ClientAccount]);
        Assert.Equal(1, result.Scores[Destination.BaseProduct]);
        Assert.Equal("Client asked", result.Decisive?.RuleName);
        Assert.Equal(Destination.BaseProduct, result.WithoutDecisive);
        var answer = Assert.Single(result.AnswersThatMattered);
        Assert.Equal(ScopeQuestion.ClientAsked, answer.Question);
        Assert.Equal(nameof(ScopeAnswer.Yes), answer.Value);
    }

    [Fact]
    public void Without_the_only_rule_the_item_would_need_triage()
    {
        var result = Router.Route(Item("x") with { ClientAsked = ScopeAnswer.Yes });

        Assert.Equal(Destination.ClientAccount, result.Destination);
        Assert.Equal(Destination.NeedsTriage, result.WithoutDecisive);
    }

    [Fact]
    public void Disabled_rules_do_not_fire_and_positions_count_in_the_full_order()
    {
        var router = new RuleRouter([ClientAsked with { IsEnabled = false }, GumWords]);

        var result = router.Route(Item("nicotine gum") with { ClientAsked = ScopeAnswer.Yes });

        var hit = Assert.Single(result.Hits);
        Assert.Equal(2, hit.Position);
    }

    [Fact]
    public void A_rule_on_programs_matches_the_program_code_without_regard_to_case()
    {
        var router = new RuleRouter([new RoutingRule { Name = "Weight", Destination = Destination.ProgramLayer, Weight = 2, When = new RuleConditions { Programs = ["weight-12w"] } }]);

        Assert.Single(router.Route(Item("x") with { Program = "WEIGHT-12W" }).Hits);
        Assert.Empty(router.Route(Item("x") with { Program = "smoking-12w" }).Hits);
        Assert.Empty(router.Route(Item("x")).Hits);
    }
}
