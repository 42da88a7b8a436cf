using System.Text.RegularExpressions;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Participants;

/// <summary>One arrow of the lifecycle diagram.</summary>
public sealed record LifecycleArrow(string From, string To, string Trigger, string? Guard);

/// <summary>The participant lifecycle of a program version, drawn from the live state machine (its Mermaid export).</summary>
public static partial class LifecycleDiagram
{
    /// <summary>The Mermaid text, with the version's own thresholds in the guards.</summary>
    public static string Mermaid(ProgramDefinition program) =>
        new ParticipantLifecycle(ParticipantState.Invited, new ParticipantFacts(program, DateOnly.MinValue, DateOnly.MinValue, null, HasTeam: false)).ToMermaid();

    /// <summary>The arrows of the Mermaid text, for a table anyone can read without a diagram renderer.</summary>
    public static IReadOnlyList<LifecycleArrow> Arrows(string mermaid) =>
        [.. mermaid.Split('\n').Select(line => Arrow().Match(line)).Where(m => m.Success)
            .Select(m => new LifecycleArrow(m.Groups["from"].Value, m.Groups["to"].Value, m.Groups["trigger"].Value, m.Groups["guard"].Success ? m.Groups["guard"].Value : null))];

    [GeneratedRegex(@"^\s*(?<from>\w+) --> (?<to>\w+) : (?<trigger>\w+)(?: \[(?<guard>[^\]]+)\])?\s*$")]
    private static partial Regex Arrow();
}
