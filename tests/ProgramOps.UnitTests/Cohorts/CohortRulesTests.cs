using ProgramOps.Web.Features.Cohorts;
using static ProgramOps.Web.Features.Cohorts.CohortStatus;
using static ProgramOps.Web.Features.Cohorts.CohortStepRefusal;

namespace ProgramOps.UnitTests.Cohorts;

public sealed class CohortRulesTests
{
    private static readonly DateOnly Start = new(2027, 1, 11);

    private static CohortFacts Facts(CohortStatus status, int enrolled = 25, int daysFromStart = 0, bool published = true) =>
        new(status, published, enrolled, EnrolmentOpens: Start.AddDays(-35), Start, EndDate: Start.AddDays(12 * 7), Today: Start.AddDays(daysFromStart));

    [Fact]
    public void Steps_go_one_way_in_order()
    {
        Assert.Equal([Enrolling, Running, Completed, Reported, null], new CohortStatus?[] { Next(Planned), Next(Enrolling), Next(Running), Next(Completed), Next(Reported) });

        static CohortStatus? Next(CohortStatus s) => CohortLifecycle.Next(s);
    }

    [Theory]
    [InlineData(Planned, Running)]
    [InlineData(Running, Enrolling)]
    [InlineData(Reported, Planned)]
    [InlineData(Enrolling, Completed)]
    public void Skipping_or_going_back_is_refused(CohortStatus from, CohortStatus to) =>
        Assert.Equal([NotTheNextStep], CohortLifecycle.Refusals(Facts(from), to));

    [Fact]
    public void Enrolment_opens_only_on_a_published_program_version()
    {
        Assert.Equal([ProgramVersionNotPublished], CohortLifecycle.Refusals(Facts(Planned, published: false), Enrolling));
        Assert.Empty(CohortLifecycle.Refusals(Facts(Planned), Enrolling));
    }

    [Fact]
    public void Enrolment_opens_no_earlier_than_its_window()
    {
        Assert.Equal([EnrolmentWindowNotOpen], CohortLifecycle.Refusals(Facts(Planned, daysFromStart: -36), Enrolling));
        Assert.Equal([ProgramVersionNotPublished, EnrolmentWindowNotOpen], CohortLifecycle.Refusals(Facts(Planned, daysFromStart: -40, published: false), Enrolling));
        Assert.Empty(CohortLifecycle.Refusals(Facts(Planned, daysFromStart: -35), Enrolling));
    }

    [Fact]
    public void A_cohort_cannot_start_empty_or_before_its_start_day()
    {
        Assert.Equal([NoEnrolledParticipants, NotStartDayYet], CohortLifecycle.Refusals(Facts(Enrolling, enrolled: 0, daysFromStart: -1), Running));
        Assert.Empty(CohortLifecycle.Refusals(Facts(Enrolling), Running));
    }

    [Fact]
    public void A_cohort_completes_only_after_the_programs_duration()
    {
        Assert.Equal([ProgramNotOver], CohortLifecycle.Refusals(Facts(Running, daysFromStart: 83), Completed));
        Assert.Empty(CohortLifecycle.Refusals(Facts(Running, daysFromStart: 84), Completed));
    }

    private static readonly Dictionary<int, ContractSeats> Contracts = new()
    {
        [1] = new ContractSeats(1, Seats: 100, AllocatedElsewhere: 70),
        [2] = new ContractSeats(2, Seats: 50, AllocatedElsewhere: 0),
    };

    [Fact]
    public void A_joint_cohort_may_draw_on_several_contracts_within_their_remaining_seats() =>
        Assert.Empty(SeatAllocation.Check([new(1, 30), new(2, 50)], Contracts));

    [Fact]
    public void Capacity_beyond_a_contracts_remaining_seats_names_what_is_left() =>
        Assert.Equal([new SeatIssue(1, SeatProblem.OverRemainingSeats, Remaining: 30)], SeatAllocation.Check([new(1, 31)], Contracts));

    [Fact]
    public void Every_other_mistake_is_named()
    {
        Assert.Equal([new SeatIssue(0, SeatProblem.NoContract)], SeatAllocation.Check([], Contracts));
        Assert.Equal(
            [new SeatIssue(2, SeatProblem.ContractListedTwice), new SeatIssue(9, SeatProblem.UnknownContract), new SeatIssue(2, SeatProblem.CapacityNotPositive)],
            SeatAllocation.Check([new(9, 5), new(2, 0), new(2, 10)], Contracts));
    }

    [Fact]
    public void Remaining_seats_never_go_below_zero() =>
        Assert.Equal(0, new ContractSeats(3, Seats: 10, AllocatedElsewhere: 12).Remaining);
}
