using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.UnitTests.Participants;

public sealed class LifecycleLayoutTests
{
    private static readonly IReadOnlyList<LifecycleArrow> Arrows = LifecycleDiagram.Arrows(ProgramTemplates.SmokingCessation);
    private static readonly LifecycleDrawing Drawing = LifecycleLayout.Draw(Arrows);

    [Fact]
    public void Every_state_is_one_box_inside_the_drawing_and_no_two_boxes_overlap()
    {
        Assert.Equal(Enum.GetValues<ParticipantState>(), Drawing.States.Select(s => s.State));
        foreach (var s in Drawing.States)
        {
            Assert.InRange(s.X - (LifecycleLayout.BoxWidth / 2), 0, Drawing.Width);
            Assert.InRange(s.Y - (LifecycleLayout.BoxHeight / 2), 0, Drawing.Height);
            Assert.All(Drawing.States.Where(o => o != s), o =>
                Assert.False(Math.Abs(o.X - s.X) < LifecycleLayout.BoxWidth + 10 && Math.Abs(o.Y - s.Y) < LifecycleLayout.BoxHeight + 10, $"{s.State} overlaps {o.State}"));
        }
    }

    [Fact]
    public void Every_arrow_of_the_machine_is_drawn_once_on_the_edge_between_its_states()
    {
        Assert.Equal(Arrows.Count, Drawing.Edges.Sum(e => e.Arrows.Count));
        Assert.All(Drawing.Edges, e => Assert.All(e.Arrows, a => Assert.Equal((e.From, e.To), (a.From, a.To))));
        Assert.Equal(Drawing.Edges.Count, Drawing.Edges.Select(e => (e.From, e.To)).Distinct().Count());

        var staying = Drawing.Edges.Single(e => e.From == ParticipantState.Active && e.To == ParticipantState.Active);
        Assert.Equal([ParticipantTrigger.CheckIn, ParticipantTrigger.SetQuitDay], staying.Arrows.Select(a => a.Trigger));
        Assert.True(staying.IsGuarded);
        Assert.True(Drawing.Edges.Single(e => e.From == ParticipantState.Invited && e.To == ParticipantState.Enrolled).IsGuarded);
        Assert.False(Drawing.Edges.Single(e => e.From == ParticipantState.Invited && e.To == ParticipantState.Declined).IsGuarded);
    }

    [Fact]
    public void Arrows_start_and_end_on_the_border_of_their_boxes_and_opposite_arrows_bend_apart()
    {
        var there = Drawing.Edges.Single(e => e.From == ParticipantState.Active && e.To == ParticipantState.AtRisk);
        var back = Drawing.Edges.Single(e => e.From == ParticipantState.AtRisk && e.To == ParticipantState.Active);

        Assert.StartsWith("M", there.Path);
        Assert.Contains(" Q", there.Path);
        Assert.NotEqual((there.LabelX, there.LabelY), (back.LabelX, back.LabelY));
        var start = there.Path[1..there.Path.IndexOf(' ', StringComparison.Ordinal)].Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var active = Drawing.States.Single(s => s.State == ParticipantState.Active);
        Assert.True(Math.Abs(Math.Abs(start[0] - active.X) - (LifecycleLayout.BoxWidth / 2)) < 0.1 || Math.Abs(Math.Abs(start[1] - active.Y) - (LifecycleLayout.BoxHeight / 2)) < 0.1);
    }
}
