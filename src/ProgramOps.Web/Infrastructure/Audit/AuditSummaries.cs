using System.Text.RegularExpressions;

namespace ProgramOps.Web.Infrastructure.Audit;

/// <summary>
/// The audit summaries the console writes itself, stored as <see cref="Text.CodedText"/> under these keys and worded
/// for each reader by the audit log (AdminText "Summary.{key}"). Summaries written before they were coded are English
/// sentences; <see cref="Legacy"/> recognises them, so old rows read in the reader's language too.
/// </summary>
public static class AuditSummaries
{
    public const string RosterUploaded = nameof(RosterUploaded);
    public const string RosterImported = nameof(RosterImported);
    public const string RosterFile = nameof(RosterFile);
    public const string MilestoneReached = nameof(MilestoneReached);
    public const string TeamsChanged = nameof(TeamsChanged);
    public const string ShipmentsExported = nameof(ShipmentsExported);
    public const string ShipmentsExportedOfCohort = nameof(ShipmentsExportedOfCohort);
    public const string PartnerFileLine = nameof(PartnerFileLine);
    public const string FeedbackReported = nameof(FeedbackReported);
    public const string FeedbackReportedFromApp = nameof(FeedbackReportedFromApp);
    public const string ParticipantsMovedByApp = nameof(ParticipantsMovedByApp);
    public const string FeedbackMerged = nameof(FeedbackMerged);
    public const string FirstAdministrator = nameof(FirstAdministrator);
    public const string DemoLoaded = nameof(DemoLoaded);
    public const string RoutingRuleNamed = nameof(RoutingRuleNamed);
    public const string InterviewsDrawn = nameof(InterviewsDrawn);
    public const string InterviewsListed = nameof(InterviewsListed);
    public const string InterviewNotesSaved = nameof(InterviewNotesSaved);
    public const string InterviewFindingRecorded = nameof(InterviewFindingRecorded);
    public const string InterviewFindingSent = nameof(InterviewFindingSent);
    public const string IssueOpened = nameof(IssueOpened);
    public const string IssueEvidence = nameof(IssueEvidence);
    public const string InitiativeStarted = nameof(InitiativeStarted);
    public const string InitiativeArms = nameof(InitiativeArms);
    public const string ReportPreviewed = nameof(ReportPreviewed);
    public const string ReportIssued = nameof(ReportIssued);
    public const string ReportDownloaded = nameof(ReportDownloaded);
    public const string ReportSettingsSaved = nameof(ReportSettingsSaved);
    public const string ReportQuotePicked = nameof(ReportQuotePicked);
    public const string ReportQuoteRemoved = nameof(ReportQuoteRemoved);
    public const string PortfolioExported = nameof(PortfolioExported);
    public const string SignalThresholdsSaved = nameof(SignalThresholdsSaved);

    /// <summary>A confidence as whole percent, the way summaries keep it.</summary>
    public static int Percent(double confidence) => (int)Math.Round(confidence * 100, MidpointRounding.AwayFromZero);

    /// <summary>The English sentences earlier versions wrote, most specific first; their named groups are the arguments in order.</summary>
    public static readonly IReadOnlyList<(Regex Pattern, string Key)> Legacy =
    [
        (Sentence(@"(?<file>.+) \((?<bytes>[\d,]+) bytes, import #(?<id>\d+)\)"), RosterUploaded),
        (Sentence(@"(?<file>.+): (?<people>\d+) participants \(import #(?<id>\d+), (?<client>.*)\)"), RosterImported),
        (Sentence(@"(?<file>.+) \(import #(?<id>\d+)\)"), RosterFile),
        (Sentence(@"(?<cohort>.+): week (?<week>\d+) (?<name>.+) \((?<date>\d{4}-\d{2}-\d{2})\)"), MilestoneReached),
        (Sentence(@"(?<cohort>.+): (?<teams>\d+) new teams, (?<placed>\d+) placed, (?<moved>\d+) moved"), TeamsChanged),
        (Sentence(@"(?<shipments>\d+) shipments of cohort (?<cohort>\d+)"), ShipmentsExportedOfCohort),
        (Sentence(@"(?<shipments>\d+) shipments"), ShipmentsExported),
        (Sentence(@"(?<title>.+) → (?<destination>BaseProduct|ProgramLayer|ClientAccount|NeedsTriage) \((?<percent>\d+) ?%\), from the app \(event (?<event>.+)\)"), FeedbackReportedFromApp),
        (Sentence(@"(?<title>.+) → (?<destination>BaseProduct|ProgramLayer|ClientAccount|NeedsTriage) \((?<percent>\d+) ?%\)"), FeedbackReported),
        (Sentence(@"(?<source>CsObservation|SupportInquiry|TeamChat|N1Interview|Client|ParticipantApp): (?<title>.+)"), FeedbackMerged),
        (Sentence(@"(?<file>.+\.(?:csv|CSV|txt)), line (?<line>\d+)"), PartnerFileLine),
        (Sentence("First administrator"), FirstAdministrator),
        (Sentence(@"Demo data loaded: (?<clients>\d+) clients"), DemoLoaded),
    ];

    private static Regex Sentence(string pattern) => new($"^{pattern}$", RegexOptions.Singleline | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
}
