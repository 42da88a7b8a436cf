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

/// <summary>A state drawn as a box centred on (<paramref name="X"/>, <paramref name="Y"/>).</summary>
public sealed record DrawnState(ParticipantState State, double X, double Y);

/// <summary>
/// One edge of the drawing: the arrows between two states (a state's own arrows form a loop above it), its SVG path, and
/// where its label goes.
/// </summary>
public sealed record DrawnEdge(ParticipantState From, ParticipantState To, IReadOnlyList<LifecycleArrow> Arrows, string Path, double LabelX, double LabelY)
{
    public bool IsGuarded => Arrows.Any(a => a.Guard is not null);
}

public sealed record LifecycleDrawing(IReadOnlyList<DrawnState> States, IReadOnlyList<DrawnEdge> Edges, double Width, double Height);

/// <summary>
/// Lays the lifecycle out for an SVG drawn on the server: the path a participant hopes to take along the top (invited →
/// completed), the ways out of it below, each arrow a curve (so opposite arrows and arrows that would cross a box bend apart).
/// Pure geometry: the page puts the words in.
/// </summary>
public static class LifecycleLayout
{
    public const double BoxWidth = 136, BoxHeight = 40;

    private static readonly Dictionary<ParticipantState, (double X, double Y)> Places = new()
    {
        [ParticipantState.Invited] = (90, 70),
        [ParticipantState.Enrolled] = (290, 70),
        [ParticipantState.Onboarding] = (490, 70),
        [ParticipantState.Active] = (690, 70),
        [ParticipantState.Completed] = (900, 70),
        [ParticipantState.Declined] = (90, 250),
        [ParticipantState.InvitationExpired] = (250, 330),
        [ParticipantState.DroppedOut] = (560, 250),
        [ParticipantState.AtRisk] = (820, 220),
        [ParticipantState.Withdrawn] = (560, 430),
    };

    public static LifecycleDrawing Draw(IReadOnlyList<LifecycleArrow> arrows)
    {
        var states = Enum.GetValues<ParticipantState>()
            .Select((s, i) => Places.TryGetValue(s, out var p) ? new DrawnState(s, p.X, p.Y) : new DrawnState(s, 90 + (i * 160), 520))
            .ToList();
        var at = states.ToDictionary(s => s.State);
        var edges = arrows.GroupBy(a => (a.From, a.To))
            .Select(g => g.Key.From == g.Key.To ? Loop(at[g.Key.From], [.. g]) : Curve(at[g.Key.From], at[g.Key.To], [.. g]))
            .ToList();
        return new LifecycleDrawing(states, edges, states.Max(s => s.X) + (BoxWidth / 2) + 20, states.Max(s => s.Y) + (BoxHeight / 2) + 20);
    }

    /// <summary>
    /// A quadratic curve bent to the right of its direction by a fifth of its length, clipped to both boxes: the top row's
    /// forward arrows run below it, clear of the loops above the boxes.
    /// </summary>
    private static DrawnEdge Curve(DrawnState from, DrawnState to, IReadOnlyList<LifecycleArrow> arrows)
    {
        var (dx, dy) = (to.X - from.X, to.Y - from.Y);
        var (cx, cy) = (((from.X + to.X) / 2) - (dy * 0.2), ((from.Y + to.Y) / 2) + (dx * 0.2));
        var (sx, sy) = Border(from, cx, cy);
        var (ex, ey) = Border(to, cx, cy);
        var path = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"M{sx:0.#},{sy:0.#} Q{cx:0.#},{cy:0.#} {ex:0.#},{ey:0.#}");
        return new DrawnEdge(from.State, to.State, arrows, path, (0.25 * sx) + (0.5 * cx) + (0.25 * ex), (0.25 * sy) + (0.5 * cy) + (0.25 * ey));
    }

    /// <summary>A state's own arrows (a check-in keeps an active participant active): a loop over its box.</summary>
    private static DrawnEdge Loop(DrawnState state, IReadOnlyList<LifecycleArrow> arrows)
    {
        var top = state.Y - (BoxHeight / 2);
        var path = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"M{state.X - 22:0.#},{top:0.#} C{state.X - 40:0.#},{top - 42:0.#} {state.X + 40:0.#},{top - 42:0.#} {state.X + 22:0.#},{top:0.#}");
        return new DrawnEdge(state.State, state.State, arrows, path, state.X, top - 40);
    }

    /// <summary>Where the line from the box's centre towards (<paramref name="x"/>, <paramref name="y"/>) leaves the box.</summary>
    private static (double X, double Y) Border(DrawnState box, double x, double y)
    {
        var (dx, dy) = (x - box.X, y - box.Y);
        var scale = Math.Min(Math.Abs(dx) < 1e-9 ? double.MaxValue : BoxWidth / 2 / Math.Abs(dx), Math.Abs(dy) < 1e-9 ? double.MaxValue : BoxHeight / 2 / Math.Abs(dy));
        return (box.X + (dx * scale), box.Y + (dy * scale));
    }
}
