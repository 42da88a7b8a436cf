using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.UnitTests.Feedback;

public sealed class RoutingRuleValidatorTests
{
    private static readonly IStringLocalizer<FeedbackText> Text = new StringLocalizer<FeedbackText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static readonly RoutingRuleValidator Validator = new(Text, ["smoking-12w"]);

    private static readonly RoutingRule Valid = new()
    {
        Name = "Gum", NameJa = "ガム", Destination = Destination.ProgramLayer, Weight = 2, When = new RuleConditions { Keywords = ["ガム"], Programs = ["smoking-12w"] },
    };

    public RoutingRuleValidatorTests() => CultureInfo.CurrentUICulture = new CultureInfo("en");

    private static List<string> Errors(RoutingRule rule) => Validator.Validate(rule).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").ToList();

    [Fact]
    public void The_shipped_rules_are_valid()
    {
        foreach (var rule in FeedbackSeed.DefaultRules) Assert.Empty(new RoutingRuleValidator(Text, ["smoking-12w", "weight-12w"]).Validate(rule).Errors);
    }

    [Fact]
    public void A_complete_rule_is_valid() => Assert.Empty(Errors(Valid));

    [Fact]
    public void A_rule_without_conditions_or_name_is_refused_with_clear_messages()
    {
        var errors = Errors(Valid with { Name = "", When = new RuleConditions() });

        Assert.Contains("Name: Rule name (English): enter the rule's name.", errors);
        Assert.Contains(errors, e => e.StartsWith("When: Set at least one condition", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10.5)]
    public void Weights_out_of_range_are_refused(double weight) =>
        Assert.Contains("Weight: The weight must be between 0.1 and 10.", Errors(Valid with { Weight = weight }));

    [Fact]
    public void Needs_triage_is_not_a_rule_destination() =>
        Assert.Contains(Errors(Valid with { Destination = Destination.NeedsTriage }), e => e.StartsWith("Destination: Choose Base product", StringComparison.Ordinal));

    [Fact]
    public void Keywords_that_are_too_short_repeated_or_unknown_programs_are_named()
    {
        var errors = Errors(Valid with { When = new RuleConditions { Keywords = ["ｶﾞﾑ", "がむ", "a"], Programs = ["sleep-8w"] } });

        Assert.Contains("Keywords: The keyword \"a\" is shorter than 2 characters and would match almost everything.", errors);
        Assert.Contains("Keywords: A keyword is repeated (after folding width and kana).", errors);
        Assert.Contains("Programs: There is no program with the code \"sleep-8w\".", errors);
    }

    [Fact]
    public void Messages_are_Japanese_for_Japanese_staff()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("ja");

        Assert.Contains("Name: ルール名（英語）: ルール名を入力してください。", Errors(Valid with { Name = "" }));
        Assert.Contains("NameJa: ルール名（日本語）: ルール名を入力してください。", Errors(Valid with { NameJa = null }));
    }
}
