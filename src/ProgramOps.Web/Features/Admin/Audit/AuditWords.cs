using Microsoft.Extensions.Localization;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Feedback;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Supplies;
using ProgramOps.Web.Infrastructure.Audit;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Admin.Audit;

/// <summary>
/// The audit log in the reader's language: record types, actions and field names from AdminText, a program's changes in
/// the editor's own labels, and a field's values in the words the owning feature shows for them, so a value has one
/// word wherever it appears. What has no word yet (an action added later) shows as it is stored.
/// </summary>
public sealed class AuditWords(IStringLocalizer<AdminText> admin, IStringLocalizer<ProgramsText> programs, IStringLocalizerFactory factory)
{
    public const string ProgramEntity = "Program";

    /// <summary>Fields whose values are a feature's enum, by record type and field: the feature's texts and their prefix.</summary>
    public static readonly IReadOnlyDictionary<(string Entity, string Field), (Type Texts, string Prefix)> ValueWords =
        new Dictionary<(string, string), (Type, string)>
        {
            [("Client", "Kind")] = (typeof(ClientsText), "Kind."),
            [("Client", "Segment")] = (typeof(ClientsText), "Segment."),
            [("Client", "CsType")] = (typeof(ClientsText), "CsType."),
            [("Client", "CsStyle")] = (typeof(ClientsText), "CsStyle."),
            [("Client", "CsStyles")] = (typeof(ClientsText), "CsStyle."),
            [("Client", "TouchModel")] = (typeof(ClientsText), "TouchModel."),
            [("Client", "Status")] = (typeof(ClientsText), "ContractStatus."),
            [("Client", "Role")] = (typeof(ClientsText), "KeyPersonRole."),
            [("Shipment", "Status")] = (typeof(SuppliesText), "Status."),
            [("FeedbackItem", "Status")] = (typeof(FeedbackText), "Status."),
            [("FeedbackItem", "Destination")] = (typeof(FeedbackText), "Destination."),
            [("RoutingRule", "Destination")] = (typeof(FeedbackText), "Destination."),
            [("User", "Roles")] = (typeof(AdminText), "Role."),
            [("Participant", "State")] = (typeof(ParticipantsText), "State."),
            [("Cohort", "State")] = (typeof(ParticipantsText), "State."),
            [("ApiKey", "State")] = (typeof(ParticipantsText), "State."),
            [("Interview", "Status")] = (typeof(Interviews.InterviewsText), "Status."),
            [("Issue", "Stage")] = (typeof(Funnel.FunnelText), "Stage."),
            [("Initiative", "ChangeKind")] = (typeof(Initiatives.InitiativesText), "Change."),
            [("Initiative", "State")] = (typeof(Initiatives.InitiativesText), "State."),
        };

    /// <summary>Fields where no value is itself a choice (a client's touch model left to follow its CS type): its word.</summary>
    public static readonly IReadOnlyDictionary<(string Entity, string Field), (Type Texts, string Key)> UnsetWords =
        new Dictionary<(string, string), (Type, string)>
        {
            [("Client", "TouchModel")] = (typeof(ClientsText), "TouchModel.FollowCsType"),
        };

    /// <summary>Arguments of a coded summary that are a feature's enum, by summary key and argument: the feature's texts and their prefix.</summary>
    public static readonly IReadOnlyDictionary<(string Summary, int Argument), (Type Texts, string Prefix)> SummaryArgumentWords =
        new Dictionary<(string, int), (Type, string)>
        {
            [(AuditSummaries.FeedbackReported, 1)] = (typeof(FeedbackText), "Destination."),
            [(AuditSummaries.FeedbackReportedFromApp, 1)] = (typeof(FeedbackText), "Destination."),
            [(AuditSummaries.FeedbackMerged, 0)] = (typeof(FeedbackText), "Source."),
            [(AuditSummaries.InterviewsDrawn, 2)] = (typeof(Funnel.FunnelText), "Stage."),
            [(AuditSummaries.InterviewFindingRecorded, 1)] = (typeof(Funnel.FunnelText), "Stage."),
            [(AuditSummaries.IssueOpened, 0)] = (typeof(Funnel.FunnelText), "Stage."),
            [(AuditSummaries.IssueEvidence, 0)] = (typeof(Issues.IssuesText), "Evidence."),
            [(AuditSummaries.ReportIssued, 2)] = (typeof(Outcomes.OutcomesText), "Kind."),
            [(AuditSummaries.ReportQuotePicked, 1)] = (typeof(Outcomes.OutcomesText), "Quotes.Source."),
        };

    public string Entity(string type) => Word(admin, $"Entity.{type}", type);

    /// <summary>
    /// A summary in the reader's language: one the console wrote (coded, or an English sentence of an earlier version it
    /// recognises) in AdminText's words; one a person typed (a note, a reason, a name), as typed.
    /// </summary>
    public string? Summary(string? stored)
    {
        if (CodedText.Read(stored, AuditSummaries.Legacy) is not { } coded) return stored;
        return coded.In(admin, "Summary.", (i, value) => SummaryArgumentWords.TryGetValue((coded.Key, i), out var words)
            ? Word(factory.Create(words.Texts), words.Prefix + value, value)
            : null) ?? stored;
    }

    public string Action(string action) => Word(admin, $"Action.{action}", action);

    /// <summary>A field's label; "Seats #12" keeps what follows the name ("#12": the contract).</summary>
    public string Field(string entity, string field)
    {
        if (entity == ProgramEntity) return DefinitionPaths.Label(programs, field);
        var space = field.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? Word(admin, $"AuditField.{field}", field) : Word(admin, $"AuditField.{field[..space]}", field[..space]) + field[space..];
    }

    /// <summary>
    /// A value as the owning feature words it; lists ("Admin, Viewer") item by item; typed text as it is. A field with
    /// words after its name ("State (1) ×12": a batch's count of one kind of step) has its name's words.
    /// </summary>
    public string? Value(string entity, string field, string? value)
    {
        var space = field.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0) field = field[..space];
        if (value is null)
            return UnsetWords.TryGetValue((entity, field), out var unset) ? factory.Create(unset.Texts)[unset.Key].Value : null;
        if (entity == ProgramEntity) return DefinitionPaths.Value(programs, value);
        if (ValueWords.TryGetValue((entity, field), out var words))
        {
            var texts = factory.Create(words.Texts);
            return string.Join(", ", value.Split(", ").Select(v => Word(texts, words.Prefix + v, v)));
        }

        return value is "True" or "False" ? admin[$"AuditValue.{value}"] : value;
    }

    private static string Word(IStringLocalizer texts, string key, string stored)
    {
        var word = texts[key];
        return word.ResourceNotFound ? stored : word.Value;
    }
}
