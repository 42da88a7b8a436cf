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
        Assert.Contains(messages, m => m.Contains("マイルストーン「重複」（13週目）: 英語名"));
    }

    [Fact]
    public void Messages_name_the_field_they_are_about()
    {
        var messages = Validator.Validate(ProgramTemplates.WeightManagement with { NameEn = "", Success = new BodyMeasureChange(0, 0) })
            .Errors.Select(e => e.ErrorMessage).ToList();

        Assert.Contains("名称（英語）: 入力してください。", messages);
        Assert.Contains(messages, m => m.StartsWith("成功基準: 体重の減少（kg）か腹囲の減少（cm）", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shipment_has_a_name_in_each_language_and_publishing_asks_for_the_English_one()
    {
        var kit = ProgramTemplates.SmokingCessation.Shipments[0];
        Assert.Equal("ニコチンパッチ・ガム 初回キット", kit.ItemIn(new CultureInfo("ja")));
        Assert.Equal("Nicotine patch and gum starter kit", kit.ItemIn(new CultureInfo("en")));
        Assert.Null(new Shipment(0, "体組成計").ItemIn(new CultureInfo("en")));

        var withoutEnglish = ProgramTemplates.WeightManagement with { Shipments = [new Shipment(0, "体組成計")] };
        Assert.Equal("発送「体組成計」（配送週 0）: 品目の英語名を入力してください。", Assert.Single(Validator.Validate(withoutEnglish).Errors).ErrorMessage);
    }

    [Fact]
    public void A_stored_shipment_without_an_English_name_reads_as_before_and_the_form_keeps_both_names()
    {
        var stored = System.Text.Json.JsonSerializer.Deserialize<Shipment>("""{"week":4,"item":"ニコチン置換 2回目キット"}""", ProgramDefinitionJson.Options)!;
        Assert.Equal((4, "ニコチン置換 2回目キット", (string?)null), (stored.SupplyWeek, stored.Item, stored.ItemEn));

        var roundTrip = ProgramDefinitionForm.From(ProgramTemplates.SmokingCessation).ToDefinition("smoking-12w");
        Assert.Equal(ProgramTemplates.SmokingCessation.Shipments, roundTrip.Shipments);
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
            Shipments = [.. ProgramTemplates.SmokingCessation.Shipments, new(10, "追加キット") { ItemEn = "Extra kit" }],
        };

        var changes = DefinitionDiff.Between(ProgramTemplates.SmokingCessation, next);

        Assert.Equal(
            [
                new DefinitionChange("atRiskAfterDays", "3", "4"),
                new DefinitionChange("shipments[3].item", null, "追加キット"),
                new DefinitionChange("shipments[3].itemEn", null, "Extra kit"),
                new DefinitionChange("shipments[3].week", null, "10"),
                new DefinitionChange("success.coVerified", "false", "true"),
                new DefinitionChange("success.maxCoPpm", "null", "10"),
            ],
            changes);
    }

    [Fact]
    public void Identical_definitions_have_no_diff() =>
        Assert.Empty(DefinitionDiff.Between(ProgramTemplates.WeightManagement, ProgramTemplates.WeightManagement with { }));

    [Fact]
    public void Names_and_titles_are_stored_as_typed_with_full_width_letters_and_digits()
    {
        var form = ProgramDefinitionForm.From(ProgramTemplates.SmokingCessation);
        form.NameJa = "  禁煙プログラム２０２７（ＡＢＣ健保） ";
        form.Milestones[1] = new WeekRow { Week = 1, Text = "禁煙開始日（Ｄａｙ１）", TextEn = "Quit day" };
        form.Shipments[0] = new WeekRow { Week = 0, Text = "ニコチンパッチ　初回ｷｯﾄ" };

        var definition = form.ToDefinition("smoking-abc");

        Assert.Equal("禁煙プログラム２０２７（ＡＢＣ健保）", definition.NameJa);
        Assert.Equal("禁煙開始日（Ｄａｙ１）", definition.Milestones.Single(m => m.WeeksAfterStart == 1).Name);
        Assert.Equal("ニコチンパッチ　初回ｷｯﾄ", definition.Shipments.Single(s => s.SupplyWeek == 0).Item);
    }

    [Fact]
    public void A_milestone_has_a_name_per_language_and_definitions_stored_without_the_English_one_still_read()
    {
        var stored = """{"code":"old","nameJa":"旧","nameEn":"Old","milestones":[{"week":0,"name":"キックオフ"}]}""";

        var old = ProgramDefinitionJson.Deserialize(stored).Milestones.Single();
        var template = ProgramTemplates.SmokingCessation.Milestones[0];

        Assert.Equal(("キックオフ", null), (old.NameIn(new CultureInfo("ja")), old.NameIn(new CultureInfo("en"))));
        Assert.Equal(("キックオフ", "Kick-off"), (template.NameIn(new CultureInfo("ja")), template.NameIn(new CultureInfo("en"))));
        Assert.Contains("\"nameEn\":\"Kick-off\"", ProgramDefinitionJson.Serialize(ProgramTemplates.SmokingCessation), StringComparison.Ordinal);
    }
}
