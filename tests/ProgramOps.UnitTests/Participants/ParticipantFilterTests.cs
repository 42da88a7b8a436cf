using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.UnitTests.Participants;

public sealed class ParticipantFilterTests
{
    private static readonly DateOnly Start = new(2026, 10, 1);

    private static (DateOnly? From, DateOnly? Before) Window(int? week)
    {
        var parameters = new ParticipantFilter { Week = week }.Parameters(1, Start, 0, 50);
        return (parameters.Get<DateOnly?>("CheckInFrom"), parameters.Get<DateOnly?>("CheckInBefore"));
    }

    [Fact]
    public void A_week_selects_its_seven_days()
    {
        Assert.Equal((Start.AddDays(14), Start.AddDays(21)), Window(3));
    }

    [Theory]
    [InlineData(ProgramWeek.MaxWeeks + 1)]
    [InlineData(999_999_999)]
    [InlineData(int.MaxValue)]
    public void A_week_beyond_any_program_matches_nobody_instead_of_leaving_the_calendar(int week)
    {
        var (from, before) = Window(week);

        Assert.Equal(from, before);
    }

    [Fact]
    public void No_week_or_never_checked_in_sets_no_window()
    {
        Assert.Equal((null, null), Window(null));
        Assert.Equal((null, null), Window(ParticipantFilter.NeverCheckedIn));
    }
}
