using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.UnitTests.Participants;

public sealed class ParticipantFilterTests
{
    private static readonly DateOnly Start = new(2026, 10, 1);

    private static (DateOnly? From, DateOnly? Before) Window(int? week)
    {
        var parameters = new ParticipantFilter { Week = week }.Parameters(1, Start, 0, 50, personal: true);
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

    [Fact]
    public void Without_personal_data_a_search_matches_only_a_pseudonymous_label_never_a_name()
    {
        var byName = new ParticipantFilter { Q = "山田" }.Parameters(1, Start, 0, 50, personal: false);
        var byLabel = new ParticipantFilter { Q = "P-000042" }.Parameters(1, Start, 0, 50, personal: false);
        var asCs = new ParticipantFilter { Q = "山田" }.Parameters(1, Start, 0, 50, personal: true);

        Assert.Null(byName.Get<string?>("SearchFrom"));
        Assert.Null(byName.Get<string?>("SearchExact"));
        Assert.Equal(ParticipantListFilters.Pseudonym, new ParticipantFilter { Q = "山田" }.InUse(personal: false));
        Assert.Equal(0L, byName.Get<long?>("PseudonymId"));
        Assert.Equal(42L, byLabel.Get<long?>("PseudonymId"));
        Assert.Equal("山田", asCs.Get<string?>("SearchFrom"));
        Assert.Equal(ParticipantListFilters.Search, new ParticipantFilter { Q = "山田" }.InUse(personal: true));
        Assert.Null(asCs.Get<long?>("PseudonymId"));
    }

    [Fact]
    public void Names_and_employee_numbers_do_not_order_the_list_of_someone_who_may_not_see_them()
    {
        Assert.Equal(ParticipantSort.Imported, new ParticipantFilter { Sort = ParticipantSort.Name }.SortFor(personal: false));
        Assert.Equal(ParticipantSort.Imported, new ParticipantFilter { Sort = ParticipantSort.EmployeeNumber }.SortFor(personal: false));
        Assert.Equal(ParticipantSort.State, new ParticipantFilter { Sort = ParticipantSort.State }.SortFor(personal: false));
        Assert.Equal(ParticipantSort.Name, new ParticipantFilter { Sort = ParticipantSort.Name }.SortFor(personal: true));
    }
}
