using ProgramOps.Web.Features.Feedback;

namespace ProgramOps.Web.Features.Feedback.Rules;

/// <summary>
/// The rule editor's fields. Keywords are typed one per line (or separated by commas or 、); programs are chosen by
/// name and kept by code; a blank scope answer means "any answer".
/// </summary>
public sealed record RuleForm
{
    public string Name { get; init; } = "";
    public string NameJa { get; init; } = "";
    public int Position { get; init; } = 1;
    public Destination Destination { get; init; } = Destination.BaseProduct;
    public double Weight { get; init; } = 1;
    public List<FeedbackSource> Sources { get; init; } = [];
    public List<FeedbackCategory> Categories { get; init; } = [];
    public List<FunnelStage> Stages { get; init; } = [];
    public List<string> Programs { get; init; } = [];
    public string Keywords { get; init; } = "";
    public ScopeAnswer? HelpsEveryUser { get; init; }
    public ScopeAnswer? ProgramSpecific { get; init; }
    public ScopeAnswer? ClientAsked { get; init; }
    public bool IsEnabled { get; init; } = true;

    private static readonly char[] Separators = ['\n', '\r', ',', '、'];

    public RoutingRule ToRule(int id) => new()
    {
        Id = id, Name = (Name ?? "").Trim(), NameJa = (NameJa ?? "").Trim(), Destination = Destination, Weight = Weight, IsEnabled = IsEnabled,
        When = new RuleConditions
        {
            Sources = Sources, Categories = Categories, Stages = Stages, Programs = [.. Programs.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal)], Keywords = Split(Keywords),
            HelpsEveryUser = HelpsEveryUser, ProgramSpecific = ProgramSpecific, ClientAsked = ClientAsked,
        },
    };

    public static RuleForm From(RoutingRuleRow row)
    {
        var rule = row.ToRule();
        return new RuleForm
        {
            Name = rule.Name, NameJa = rule.NameJa ?? "", Position = row.Position, Destination = rule.Destination, Weight = rule.Weight, IsEnabled = rule.IsEnabled,
            Sources = [.. rule.When.Sources], Categories = [.. rule.When.Categories], Stages = [.. rule.When.Stages],
            Programs = [.. rule.When.Programs], Keywords = string.Join('\n', rule.When.Keywords),
            HelpsEveryUser = rule.When.HelpsEveryUser, ProgramSpecific = rule.When.ProgramSpecific, ClientAsked = rule.When.ClientAsked,
        };
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>A rule's stored columns, compared field by field for the audit log.</summary>
public sealed record StoredRule(int Position, string Name, string? NameJa, string Destination, double Weight, string Conditions, bool IsEnabled)
{
    public static StoredRule Of(RoutingRule rule, int position) =>
        new(position, rule.Name, rule.NameJa, rule.Destination.ToString(), rule.Weight, FeedbackJson.Serialize(rule.When), rule.IsEnabled);
}
