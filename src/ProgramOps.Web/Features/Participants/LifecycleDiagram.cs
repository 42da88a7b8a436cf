using System.Text.RegularExpressions;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Participants;

/// <summary>One arrow of the lifecycle: a trigger that moves a participant from one state to another, and what must hold.</summary>
public sealed record LifecycleArrow(ParticipantState From, ParticipantState To, ParticipantTrigger Trigger, LifecycleGuard? Guard);

/// <summary>The participant lifecycle of a program version, read from the live state machine (its Mermaid export).</summary>
public static partial class LifecycleDiagram
{
    /// <summary>Every arrow the machine is configured with, in its order; the program decides which quit-day guard applies.</summary>
    public static IReadOnlyList<LifecycleArrow> Arrows(ProgramDefinition program) =>
        [.. Mermaid(program).Split('\n').Select(line => Arrow().Match(line)).Where(m => m.Success)
            .Select(m => new LifecycleArrow(
                Enum.Parse<ParticipantState>(m.Groups["from"].Value),
                Enum.Parse<ParticipantState>(m.Groups["to"].Value),
                Enum.Parse<ParticipantTrigger>(m.Groups["trigger"].Value),
                m.Groups["guard"].Success ? Enum.Parse<LifecycleGuard>(m.Groups["guard"].Value) : null))];

    private static string Mermaid(ProgramDefinition program) =>
        new ParticipantLifecycle(ParticipantState.Invited, new ParticipantFacts(program, DateOnly.MinValue, DateOnly.MinValue, null, HasTeam: false)).ToMermaid();

    [GeneratedRegex(@"^\s*(?<from>\w+) --> (?<to>\w+) : (?<trigger>\w+)(?: \[(?<guard>\w+)\])?\s*$")]
    private static partial Regex Arrow();
}
