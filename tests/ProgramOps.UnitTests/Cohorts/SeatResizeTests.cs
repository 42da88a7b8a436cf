using ProgramOps.Web.Features.Cohorts;

namespace ProgramOps.UnitTests.Cohorts;

public sealed class SeatResizeTests
{
    private static readonly Dictionary<int, int> Current = new() { [1] = 30, [2] = 20, [3] = 10 };
    private static readonly Dictionary<int, int> Held = new() { [1] = 12 };

    // Contract 3 has ended since the cohort was planned: it is no longer among the available contracts.
    private static readonly Dictionary<int, ContractSeats> Contracts = new()
    {
        [1] = new ContractSeats(1, Seats: 100, AllocatedElsewhere: 60),
        [2] = new ContractSeats(2, Seats: 40, AllocatedElsewhere: 0),
    };

    private static IReadOnlyList<SeatIssue> Check(params (int Contract, int Capacity)[] seats) =>
        SeatAllocation.CheckResize([.. seats.Select(s => new SeatRequest(s.Contract, s.Capacity))], Current, Held, Contracts);

    [Fact]
    public void Seats_may_go_down_to_those_held_and_up_to_what_the_contract_has_left() =>
        Assert.Empty(Check((1, 12), (2, 40), (3, 10)));

    [Fact]
    public void Fewer_seats_than_participants_hold_are_refused_naming_how_many_are_held() =>
        Assert.Equal([new SeatIssue(1, SeatProblem.BelowSeatsHeld, Held: 12)], Check((1, 11), (2, 20), (3, 10)));

    [Fact]
    public void More_seats_than_the_contract_has_left_are_refused_naming_the_remainder() =>
        Assert.Equal([new SeatIssue(2, SeatProblem.OverRemainingSeats, Remaining: 40)], Check((1, 30), (2, 41), (3, 10)));

    [Fact]
    public void No_seats_at_all_is_refused_even_where_nobody_holds_one() =>
        Assert.Equal([new SeatIssue(2, SeatProblem.BelowSeatsHeld, Held: 1)], Check((1, 30), (2, 0), (3, 10)));

    [Fact]
    public void An_ended_contract_keeps_its_seats_unchanged_but_cannot_be_changed() =>
        Assert.Equal([new SeatIssue(3, SeatProblem.UnknownContract)], Check((1, 30), (2, 20), (3, 11)));
}
