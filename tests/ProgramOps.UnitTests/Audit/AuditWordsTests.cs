using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Admin.Audit;
using ProgramOps.Web.Features.Admin.Users;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Contracts;
using ProgramOps.Web.Features.Clients.KeyPersons;
using ProgramOps.Web.Features.Feedback.Rules;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;
using ProgramOps.Web.Features.Supplies;

namespace ProgramOps.UnitTests.Audit;

/// <summary>Every record type, action and field the console audits has a word in both languages, so the log shows no identifier.</summary>
public sealed partial class AuditWordsTests
{
    private static readonly string Admin = Path.Combine(RepositoryPaths.WebProject, "Features", "Admin", "AdminText");

    private static HashSet<string> Keys(string resx) =>
        [.. XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.WebProject, "Features"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);

    private static void AssertWordsFor(string prefix, IEnumerable<string> names)
    {
        foreach (var resx in new[] { $"{Admin}.resx", $"{Admin}.ja.resx" })
        {
            var keys = Keys(resx);
            var missing = names.Distinct().Order(StringComparer.Ordinal).Where(n => !keys.Contains($"{prefix}.{n}")).ToList();
            Assert.True(missing.Count == 0, $"{Path.GetFileName(resx)} has no {prefix}.* for: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Every_record_type_and_every_action_written_to_the_log_has_a_word()
    {
        var entries = Sources().SelectMany(s => AuditEntry().Matches(s)).ToList();
        var literalActions = entries.SelectMany(m => m.Groups["action"].Captures.Select(c => c.Value));
        var passedActions = Sources().SelectMany(s => ActionArgument().Matches(s)).Select(m => m.Groups["action"].Value);

        // Actions built at run time: a cohort's step ("Cohort" + its new status) and a participant's trigger.
        var built = Enum.GetValues<ProgramOps.Web.Features.Cohorts.CohortStatus>().Skip(1).Select(s => $"Cohort{s}").Concat(Enum.GetNames<ParticipantTrigger>());

        Assert.Contains("RosterImported", literalActions);
        Assert.Contains("Taken", passedActions);
        AssertWordsFor("Entity", entries.Select(m => m.Groups["entity"].Value));
        AssertWordsFor("Action", literalActions.Concat(passedActions).Concat(built));
    }

    [Fact]
    public void Every_field_of_every_audited_record_has_a_word()
    {
        Type[] audited = [typeof(ClientInput), typeof(ContractInput), typeof(KeyPersonInput), typeof(StoredRule), typeof(UserInput),
            typeof(ShipmentProgress), typeof(ReportSettings), typeof(ProgramOps.Web.Features.Cohorts.EditModel.Stored),
            typeof(ProgramOps.Web.Features.Health.HealthWeightsRow), typeof(ProgramOps.Web.Features.Issues.IssueInput),
            typeof(ProgramOps.Web.Features.Initiatives.InitiativePlan)];
        string[] named = ["Destination", "Status", "Owner", "MustChangePassword", "Locked", "IsDisabled", "Seats", "State"];

        AssertWordsFor("AuditField", audited.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)).Select(p => p.Name).Concat(named));
    }

    [Fact]
    public void Every_enum_value_of_an_audited_field_has_its_features_word()
    {
        foreach (var ((entity, field), (texts, prefix)) in AuditWords.ValueWords)
        {
            var folder = Path.GetDirectoryName(Directory.EnumerateFiles(RepositoryPaths.WebProject, $"{texts.Name}.resx", SearchOption.AllDirectories).First())!;
            var enumType = AuditedEnum(entity, field);
            foreach (var resx in new[] { $"{texts.Name}.resx", $"{texts.Name}.ja.resx" })
            {
                var keys = Keys(Path.Combine(folder, resx));
                var missing = Enum.GetNames(enumType).Where(n => !keys.Contains(prefix + n)).ToList();
                Assert.True(missing.Count == 0, $"{resx}: no {prefix}* for {entity}.{field}: {string.Join(", ", missing)}");
            }
        }
    }

    [Fact]
    public void Every_path_of_a_program_definition_has_a_label_in_both_languages()
    {
        var full = ProgramTemplates.SmokingCessation with { Success = new SelfReportedAbstinence(7, CoVerified: true, MaxCoPpm: 10) };
        var paths = new[] { full, ProgramTemplates.WeightManagement, full with { Success = new AverageDailySteps(8000) } }
            .SelectMany(d => DefinitionDiff.Between(new ProgramDefinition { Milestones = [], Shipments = [] }, d)).Select(c => c.Path);
        var names = paths.SelectMany(p => p.Split('.')).Select(s => s.Split('[')[0]).Distinct().ToList();

        Assert.Contains("nameEn", names);
        Assert.DoesNotContain(names, n => !DefinitionPaths.Labels.ContainsKey(n));
        var programs = Path.Combine(RepositoryPaths.WebProject, "Features", "Programs", "ProgramsText");
        foreach (var resx in new[] { $"{programs}.resx", $"{programs}.ja.resx" })
        {
            Assert.DoesNotContain(DefinitionPaths.Labels.Values, key => !Keys(resx).Contains(key));
        }
    }

    private static Type AuditedEnum(string entity, string field) => (entity, field) switch
    {
        ("Client", "Status") => typeof(ContractStatus),
        ("Client", "Role") => typeof(KeyPersonRole),
        ("Client", "CsStyle" or "CsStyles") => typeof(CsStyle),
        ("Client", "TouchModel") => typeof(TouchModel),
        ("User", "Roles") => typeof(RoleName),
        ("Shipment", "Status") => typeof(ShipmentStatus),
        ("FeedbackItem", "Status") => typeof(ProgramOps.Web.Features.Feedback.FeedbackStatus),
        ("Interview", "Status") => typeof(ProgramOps.Web.Features.Interviews.InterviewStatus),
        ("Issue", "Stage") => typeof(ProgramOps.Web.Features.Funnel.FunnelStage),
        ("Initiative", "ChangeKind") => typeof(ProgramOps.Web.Features.Initiatives.ChangeKind),
        ("Initiative", "State") => typeof(ProgramOps.Web.Features.Initiatives.InitiativeState),
        (_, "Destination") => typeof(ProgramOps.Web.Features.Feedback.Destination),
        (_, "State") => typeof(ParticipantState),
        _ => typeof(ClientInput).GetProperty(field)!.PropertyType,
    };

    /// <summary>The roles a user can hold, as the audit log stores them.</summary>
    private enum RoleName { Admin, ProgramCS, BizDev, Viewer }

    [GeneratedRegex("""new AuditEntry\(\s*"(?<entity>\w+)",[^;]*?,\s*(?:[\w.]+ (?:is null )?\? "(?<action>\w+)" : )?"(?<action>\w+)"(?=[,)])""")]
    private static partial Regex AuditEntry();

    /// <summary>Actions passed to a page's own audited helper (ChangeAsync, MoveAsync) as a string argument after a SQL statement.</summary>
    [GeneratedRegex(@"(?:ChangeAsync|MoveAsync)\([^;]*?Sql\.\w+,\s*""(?<action>\w+)""")]
    private static partial Regex ActionArgument();
}
