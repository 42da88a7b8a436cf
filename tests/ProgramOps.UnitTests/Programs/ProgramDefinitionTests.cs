using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Teams;

namespace ProgramOps.UnitTests.Programs;

public sealed class ProgramDefinitionTests
{
    private static readonly ProgramDefinitionValidator Validator = new(new StringLocalizer<ProgramsText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    public ProgramDefinitionTests() => CultureInfo.CurrentUICulture = new CultureInfo("ja");

    [Fact]
    public void Both_templates_can_be_published_as_they_are() =>
        Assert.All(ProgramTemplates.All, template => Assert.True(Validator.Validate(template).IsValid, template.Code));

    [Fact]
    public void A_broken_definition_gets_one_clear_message_per_problem()
    {
        var broken = ProgramTemplates.SmokingCessation with
        {
            Code = "Smoking Program",
            DurationWeeks = 0,
            TeamSize = new TeamSizeRule(5, 6, 4),
            DropOutAfterDays = 2,
            Milestones = [new(13, "最終評価"), new(13, "重複")],
            TimeZone = "Mars/Olympus",
        };

        var messages = Validator.Validate(broken).Errors.Select(e => e.ErrorMessage).ToList();

        Assert.Contains(messages, m => m.Contains("英小文字"));
        Assert.Contains(messages, m => m.Contains("期間は1〜104週"));
        Assert.Contains(messages, m => m.Contains("チーム人数"));
        Assert.Contains(messages, m => m.Contains("脱落"));
        Assert.Contains(messages, m => m.Contains("マイルストーン「最終評価」（13週目）"));
        Assert.Contains(messages, m => m.Contains("同じ週"));
        Assert.Contains(messages, m => m.Contains("Mars/Olympus"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(12, true)]
    [InlineData(0, false)]
    [InlineData(13, false)]
    public void Late_joiners_are_taken_until_a_week_of_the_program_or_not_at_all(int? week, bool valid)
    {
        var result = Validator.Validate(ProgramTemplates.SmokingCessation with { LateJoinersUntilWeek = week });

        Assert.Equal(valid, result.IsValid);
        if (!valid) Assert.Contains("途中参加の受付は 1〜12 週", Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void Teams_of_six_are_refused_with_the_five_person_rule_named() =>
        Assert.Contains("5人1組", Assert.Single(Validator.Validate(ProgramTemplates.SmokingCessation with { TeamSize = new TeamSizeRule(5, 4, 6) }).Errors).ErrorMessage);

    [Theory]
    [InlineData(0, false, null, false)]
    [InlineData(7, false, null, true)]
    [InlineData(7, true, null, false)]
    [InlineData(7, true, 10, true)]
    public void Abstinence_rules_need_days_and_a_co_limit_when_co_verified(int days, bool coVerified, int? maxPpm, bool valid) =>
        Assert.Equal(valid, Validator.Validate(ProgramTemplates.SmokingCessation with { Success = new SelfReportedAbstinence(days, coVerified, maxPpm) }).IsValid);

    [Fact]
    public void Definitions_survive_storage_with_their_kind_of_success_rule()
    {
        foreach (var template in ProgramTemplates.All)
        {
            var json = ProgramDefinitionJson.Serialize(template);
            var back = ProgramDefinitionJson.Deserialize(json);

            Assert.Equal(template.Success, back.Success);
            Assert.Equal(template.Milestones, back.Milestones);
            Assert.Equal(template.Shipments, back.Shipments);
            Assert.Equal(template with { Milestones = [], Shipments = [] }, back with { Milestones = [], Shipments = [] });
        }

        Assert.Contains("\"rule\":\"bodyChange\"", ProgramDefinitionJson.Serialize(ProgramTemplates.WeightManagement));
    }

    [Fact]
    public void The_diff_lists_exactly_what_changed()
    {
        var next = ProgramTemplates.SmokingCessation with
        {
            AtRiskAfterDays = 4,
            Success = new SelfReportedAbstinence(7, CoVerified: true, MaxCoPpm: 10),
            Shipments = [.. ProgramTemplates.SmokingCessation.Shipments, new(10, "追加キット")],
        };

        var changes = DefinitionDiff.Between(ProgramTemplates.SmokingCessation, next);

        Assert.Equal(
            [
                new DefinitionChange("atRiskAfterDays", "3", "4"),
                new DefinitionChange("shipments[3].item", null, "追加キット"),
                new DefinitionChange("shipments[3].week", null, "10"),
                new DefinitionChange("success.coVerified", "false", "true"),
                new DefinitionChange("success.maxCoPpm", "null", "10"),
            ],
            changes);
    }

    [Fact]
    public void Identical_definitions_have_no_diff() =>
        Assert.Empty(DefinitionDiff.Between(ProgramTemplates.WeightManagement, ProgramTemplates.WeightManagement with { }));
}
