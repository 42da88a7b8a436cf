using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.Web.Features.Admin.Audit;
using ProgramOps.Web.Features.Shared;

namespace ProgramOps.WebTests.Components;

public sealed class AuditHistoryTests : ComponentTestContext
{
    public AuditHistoryTests() => Services.AddSingleton<AuditWords>();

    private static AuditRow Row(string action, string? changes = null, string entity = "Client") => new()
    {
        Id = 1, OccurredAt = new DateTimeOffset(2026, 11, 23, 15, 30, 5, TimeSpan.Zero), UserName = "sato",
        EntityType = entity, EntityId = "7", Action = action, Summary = "テスト株式会社", Changes = changes,
    };

    [Fact]
    public void Shows_when_in_tokyo_time_who_the_localised_action_and_each_changed_field()
    {
        var history = Render<AuditHistory>(p => p.Add(x => x.Rows,
            [Row("Updated", """{"EligiblePopulation":{"Before":"100","After":"250"}}""")]));

        var cells = history.FindAll("tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("2026-11-24 00:30:05", cells[0]);
        Assert.Equal("sato", cells[1]);
        Assert.StartsWith("更新", cells[2]);
        Assert.Equal("対象者数: 100 → 250", history.Find(".changes li").TextContent);
    }

    [Theory]
    [InlineData("Disabled", "無効化")]
    [InlineData("Enabled", "有効化")]
    [InlineData("PasswordReset", "パスワードリセット")]
    [InlineData("Unlocked", "ロック解除")]
    public void User_administration_actions_have_japanese_labels(string action, string label) =>
        Assert.StartsWith(label, Render<AuditHistory>(p => p.Add(x => x.Rows, [Row(action)])).FindAll("tbody td")[2].TextContent.Trim());

    [Fact]
    public void An_action_without_a_label_is_shown_as_recorded() =>
        Assert.StartsWith("SomethingNew", Render<AuditHistory>(p => p.Add(x => x.Rows, [Row("SomethingNew")])).FindAll("tbody td")[2].TextContent.Trim());

    [Fact]
    public void The_record_column_appears_only_when_asked_for()
    {
        Assert.Equal(4, Render<AuditHistory>(p => p.Add(x => x.Rows, [Row("Created")])).FindAll("th").Count);
        Assert.Contains("クライアント #7", Render<AuditHistory>(p => p.Add(x => x.Rows, [Row("Created")]).Add(x => x.ShowEntity, true)).Markup);
    }

    [Fact]
    public void A_touch_model_switched_back_to_follow_the_cs_type_says_so()
    {
        var history = Render<AuditHistory>(p => p.Add(x => x.Rows, [Row("Updated", """{"TouchModel":{"Before":"Tech","After":null}}""")]));

        Assert.Equal("タッチモデル: テックタッチ → CSタイプに従う", history.Find(".changes li").TextContent);
    }

    [Fact]
    public void Values_take_the_owning_features_words_and_a_programs_changes_the_editors_labels()
    {
        var client = Render<AuditHistory>(p => p.Add(x => x.Rows, [Row("Updated", """{"Kind":{"Before":"Employer","After":"HealthInsuranceSociety"},"Seats #3":{"Before":"10","After":"12"}}""")]));
        var program = Render<AuditHistory>(p => p.Add(x => x.Rows,
            [Row("DraftSaved", """{"milestones[1].nameEn":{"Before":null,"After":"Quit day"},"quitDayAfterFirstKit":{"Before":"false","After":"true"}}""", entity: "Program")]));
        var participant = Render<AuditHistory>(p => p.Add(x => x.Rows, [Row("MarkAtRisk", entity: "Participant")]).Add(x => x.ShowEntity, true));

        var changes = client.FindAll(".changes li").Select(li => li.TextContent).ToList();
        Assert.Equal(["種別: 企業 → 健康保険組合", "席数 #3: 10 → 12"], changes);
        Assert.Equal(["マイルストーン 2 › 名称（英語）: — → Quit day", "初回キット到着後に禁煙開始日を設定: いいえ → はい"],
            program.FindAll(".changes li").Select(li => li.TextContent).ToList());
        Assert.Contains("参加者 #7", participant.Markup);
        Assert.DoesNotContain("MarkAtRisk", participant.Find("tbody").TextContent);
    }

    [Fact]
    public void No_rows_says_so() =>
        Assert.Equal("記録された変更はありません。", Render<AuditHistory>(p => p.Add(x => x.Rows, [])).Find(".empty").TextContent);
}
