using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Admin;
using ProgramOps.Web.Features.Admin.Audit;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.UnitTests.Audit;

/// <summary>Summaries and reasons the console stores are worded for each reader, old English ones included.</summary>
public sealed class AuditSummaryWordsTests
{
    private static readonly ResourceManagerStringLocalizerFactory Factory = new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
    private static readonly AuditWords Words = new(new StringLocalizer<AdminText>(Factory), new StringLocalizer<ProgramsText>(Factory), Factory);
    private static readonly StringLocalizer<ParticipantsText> Participants = new(Factory);

    private static T In<T>(string culture, Func<T> read)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return read();
    }

    [Fact]
    public void Every_summary_the_console_writes_has_words_in_both_languages()
    {
        var keys = typeof(AuditSummaries).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var admin = Path.Combine(RepositoryPaths.WebProject, "Features", "Admin", "AdminText");
        foreach (var resx in new[] { $"{admin}.resx", $"{admin}.ja.resx" })
        {
            var names = XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
            Assert.DoesNotContain(keys, k => !names.Contains($"Summary.{k}"));
        }
    }

    [Fact]
    public void A_coded_summary_reads_in_the_readers_language_with_its_enum_arguments_in_words()
    {
        var reported = CodedText.Encode(AuditSummaries.FeedbackReportedFromApp, "ガムが届かない", Destination.ProgramLayer, 83, "ev-1");
        var milestone = CodedText.Encode(AuditSummaries.MilestoneReached, "A社 2027春", 4, "4週目振り返り", "2027-05-10", "Week 4 review");

        Assert.Equal("ガムが届かない → プログラム（83%）、アプリから（イベント ev-1）", In("ja", () => Words.Summary(reported)));
        Assert.Equal("ガムが届かない → Program layer (83 %), from the app (event ev-1)", In("en", () => Words.Summary(reported)));
        Assert.Equal("A社 2027春: 4 週目 4週目振り返り（2027-05-10）", In("ja", () => Words.Summary(milestone)));
        Assert.Equal("A社 2027春: week 4, Week 4 review (2027-05-10)", In("en", () => Words.Summary(milestone)));
    }

    [Fact]
    public void A_batch_of_steps_the_apps_events_drove_reads_in_the_readers_language_with_its_states_in_words()
    {
        var summary = CodedText.Encode(AuditSummaries.ParticipantsMovedByApp, "基盤アプリ", 12, "ev-1", "ev-40");

        Assert.Equal("基盤アプリ: アプリのイベントによる移動 12 件（ev-1 ～ ev-40）", In("ja", () => Words.Summary(summary)));
        Assert.Equal("基盤アプリ: 12 steps driven by the app's events (ev-1 – ev-40)", In("en", () => Words.Summary(summary)));
        Assert.Equal("APIキー", In("ja", () => Words.Entity("ApiKey")));
        Assert.Equal("参加者の一括移動", In("ja", () => Words.Action("ParticipantsMoved")));
        Assert.Equal("状態 (1) ×12", In("ja", () => Words.Field("ApiKey", "State (1) ×12")));
        Assert.Equal("招待済み", In("ja", () => Words.Value("ApiKey", "State (1) ×12", "Invited")));
        Assert.Equal("登録済み", In("ja", () => Words.Value("ApiKey", "State (1) ×12", "Enrolled")));
        Assert.Equal("At risk", In("en", () => Words.Value("ApiKey", "State (1) ×12", "AtRisk")));
        Assert.Equal("離脱リスク", In("ja", () => Words.Value("Cohort", "State (2) ×3", "AtRisk")));
    }

    [Fact]
    public void What_the_outcome_reports_write_reads_in_the_readers_language_with_the_report_kind_and_quote_source_in_words()
    {
        var issued = CodedText.Encode(AuditSummaries.ReportIssued, "東邦電機", 2, "Final", "ja", "山田 太郎");
        var picked = CodedText.Encode(AuditSummaries.ReportQuotePicked, 7, "CheckInNote", 42L);

        Assert.Equal("東邦電機: 第 2 版、最終報告（ja）、送付先 山田 太郎", In("ja", () => Words.Summary(issued)));
        Assert.Equal("東邦電機: version 2, Final report in ja, to 山田 太郎", In("en", () => Words.Summary(issued)));
        Assert.Equal("クライアント #7: チェックインのメモ #42", In("ja", () => Words.Summary(picked)));
        Assert.Equal("small groups suppressed below k = 10", In("en", () => Words.Summary(CodedText.Encode(AuditSummaries.ReportSettingsSaved, 10))));
    }

    [Theory]
    [InlineData("roster.csv: 12 participants (import #3, 東邦電機)", "roster.csv: 12 人を登録（取り込み #3、東邦電機）")]
    [InlineData("roster.csv (2,048 bytes, import #3)", "roster.csv（2,048 バイト、取り込み #3）")]
    [InlineData("roster.csv (import #3)", "roster.csv（取り込み #3）")]
    [InlineData("A社 2027春: 2 new teams, 9 placed, 0 moved", "A社 2027春: 新しいチーム 2、配置 9 人、移動 0 人")]
    [InlineData("40 shipments of cohort 7", "コホート #7 の配送 40 件")]
    [InlineData("First administrator", "最初の管理者")]
    [InlineData("ガムが届かない → BaseProduct (60 %)", "ガムが届かない → プロダクト（60%）")]
    [InlineData("確認済み。来週再送します", "確認済み。来週再送します")]
    public void An_English_summary_written_before_summaries_were_coded_reads_in_Japanese_and_typed_text_as_typed(string stored, string japanese) =>
        Assert.Equal(japanese, In("ja", () => Words.Summary(stored)));

    [Fact]
    public void A_jobs_reason_for_a_step_reads_in_the_readers_language_old_or_new_and_a_typed_reason_as_typed()
    {
        Assert.Equal("5 日間チェックインなし", In("ja", () => Participants.Reason(TransitionReasons.NoCheckInFor(5))));
        Assert.Equal("No check-in for 5 days", In("en", () => Participants.Reason(TransitionReasons.NoCheckInFor(5))));
        Assert.Equal("5 日間チェックインなし", In("ja", () => Participants.Reason("no check-in for 5 days")));
        Assert.Equal("期限までに最終評価の回答なし", In("ja", () => Participants.Reason("no final assessment answer by the deadline")));
        Assert.Equal("禁煙開始日 2027-01-04", In("ja", () => Participants.Reason(TransitionReasons.QuitDayOn(new DateOnly(2027, 1, 4)))));
        Assert.Equal("本人から電話で辞退の連絡", In("ja", () => Participants.Reason("本人から電話で辞退の連絡")));
    }
}
