using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.UnitTests.Imports;

public sealed class RosterAdmissionTests
{
    private static readonly CohortPeriod January = new(1, "1月コホート", new DateOnly(2026, 12, 1), new DateOnly(2027, 4, 5));
    private static readonly CohortPeriod April = new(2, "4月コホート", new DateOnly(2027, 3, 1), new DateOnly(2027, 7, 5));
    private static readonly CohortPeriod Next = new(3, "翌年コホート", new DateOnly(2027, 9, 1), new DateOnly(2027, 12, 20));

    private static ValidRosterRecord Row(int line, string number, string email) => new(line, number, "名前", null, email, null, null);

    private static TakingPart In(CohortPeriod cohort, string number, string email) => new() { EmployeeNumber = number, Email = email, CohortId = cohort.CohortId };

    [Fact]
    public void Periods_overlap_when_they_share_a_day()
    {
        Assert.True(January.Overlaps(April));
        Assert.True(April.Overlaps(January));
        Assert.False(January.Overlaps(Next));
        Assert.True(January.Overlaps(January with { CohortId = 9, Opens = January.Ends, Ends = January.Ends.AddDays(90) }));
    }

    [Fact]
    public void Only_this_cohort_and_overlapping_ones_are_checked()
    {
        Assert.Equal([1, 2], RosterAdmission.CohortsToCheck(January, [January, April, Next]).Order());
    }

    [Fact]
    public void Someone_already_here_or_in_an_overlapping_cohort_is_refused_naming_it()
    {
        var admission = new RosterAdmission(January, [January, April, Next],
            [In(January, "A1", "a1@example.com"), In(April, "A2", "a2@example.com"), In(Next, "A3", "a3@example.com")], seatsLeft: 10);

        var here = Assert.IsType<InvalidRosterRecord>(admission.Admit(Row(2, "A1", "new1@example.com")));
        var overlapping = Assert.IsType<InvalidRosterRecord>(admission.Admit(Row(3, "A2", "new2@example.com")));
        var later = admission.Admit(Row(4, "A3", "new3@example.com"));

        Assert.Equal(RosterProblem.AlreadyInCohort, here.Problems.Single().Problem);
        Assert.Equal((RosterProblem.AlreadyInOverlappingCohort, "4月コホート"), (overlapping.Problems.Single().Problem, overlapping.Problems.Single().Value));
        Assert.IsType<ValidRosterRecord>(later);
    }

    [Fact]
    public void An_email_the_cohort_has_is_refused_whatever_its_case()
    {
        var admission = new RosterAdmission(January, [January], [In(January, "A1", "Taro@Example.com")], seatsLeft: 10);

        var row = Assert.IsType<InvalidRosterRecord>(admission.Admit(Row(2, "B1", "taro@example.com")));

        Assert.Equal(RosterProblem.EmailAlreadyInCohort, row.Problems.Single().Problem);
    }

    [Fact]
    public void Rows_beyond_the_seats_left_are_over_capacity_and_refused_rows_take_no_seat()
    {
        var admission = new RosterAdmission(January, [January], [In(January, "A1", "a1@example.com")], seatsLeft: 2);

        var results = new[] { Row(2, "A1", "x@example.com"), Row(3, "B1", "b1@example.com"), Row(4, "B2", "b2@example.com"), Row(5, "B3", "b3@example.com") }
            .Select(admission.Admit).ToList();

        Assert.Equal([false, true, true, false], results.Select(r => r is ValidRosterRecord));
        Assert.Equal(RosterProblem.OverCapacity, ((InvalidRosterRecord)results[3]).Problems.Single().Problem);
    }

    [Fact]
    public void The_fingerprint_is_the_same_for_the_same_facts_in_any_order()
    {
        TakingPart[] people = [In(January, "A1", "a1@example.com"), In(April, "A2", "a2@example.com"), new TakingPart { EmployeeNumber = "A4", CohortId = January.CohortId }];

        var first = new RosterAdmission(January, [January, April, Next], people, seatsLeft: 10).Fingerprint;
        var reordered = new RosterAdmission(January, [Next, April, January], people.Reverse(), seatsLeft: 10).Fingerprint;

        Assert.Equal(first, reordered);
    }

    [Fact]
    public void The_fingerprint_changes_with_anything_that_decides_an_admission()
    {
        TakingPart[] people = [In(January, "A1", "a1@example.com"), In(April, "A2", "a2@example.com")];
        var before = new RosterAdmission(January, [January, April, Next], people, seatsLeft: 10).Fingerprint;

        Assert.NotEqual(before, new RosterAdmission(January, [January, April, Next], [.. people, In(January, "A3", "a3@example.com")], 10).Fingerprint);
        Assert.NotEqual(before, new RosterAdmission(January, [January, April, Next], [people[0], In(April, "A2", "other@example.com")], 10).Fingerprint);
        Assert.NotEqual(before, new RosterAdmission(January, [January, April, Next], people, seatsLeft: 9).Fingerprint);
        Assert.NotEqual(before, new RosterAdmission(January, [January, April with { Ends = April.Ends.AddDays(7) }, Next], people, 10).Fingerprint);
        Assert.NotEqual(before, new RosterAdmission(January with { Opens = January.Opens.AddDays(-1) }, [January, April, Next], people, 10).Fingerprint);
    }
}
