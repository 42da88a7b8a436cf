using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Playbooks;

namespace ProgramOps.UnitTests.Clients;

public sealed class PlaybookSchedulingTests
{
    private static PlaybookTaskRow Task(int id, PlaybookAnchor anchor, int offset) =>
        new() { Id = id, Anchor = anchor, OffsetDays = offset, OwnerRole = PlaybookRole.Cs, Segment = ClientSegment.Enterprise, CsType = CsType.Onboarding };

    // A contract 2026-12-15 to 2027-12-14; a cohort enrolling from 2027-01-05, starting 2027-02-01, over on 2027-05-03.
    private static readonly AccountEvent[] Events =
    [
        .. PlaybookScheduling.Events(
            [new ContractDates(7, new DateOnly(2026, 12, 15), new DateOnly(2027, 12, 14))],
            [new CohortDates(3, new DateOnly(2027, 1, 5), new DateOnly(2027, 2, 1), new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 20))]),
    ];

    [Fact]
    public void Each_event_of_a_contract_and_a_cohort_falls_on_its_day()
    {
        Assert.Equal(
            [
                (PlaybookAnchor.ContractStart, new DateOnly(2026, 12, 15), "k7"), (PlaybookAnchor.Renewal120, new DateOnly(2027, 8, 16), "k7"),
                (PlaybookAnchor.Renewal90, new DateOnly(2027, 9, 15), "k7"), (PlaybookAnchor.Renewal60, new DateOnly(2027, 10, 15), "k7"),
                (PlaybookAnchor.EnrolmentOpens, new DateOnly(2027, 1, 5), "c3"), (PlaybookAnchor.CohortStart, new DateOnly(2027, 2, 1), "c3"),
                (PlaybookAnchor.Week4, new DateOnly(2027, 2, 22), "c3"), (PlaybookAnchor.CohortEnd, new DateOnly(2027, 5, 3), "c3"),
                (PlaybookAnchor.ReportIssued, new DateOnly(2027, 5, 20), "c3"),
            ],
            Events.Select(e => (e.Anchor, e.On, e.Key)));
    }

    [Fact]
    public void A_cohort_without_an_issued_final_report_has_no_report_event()
    {
        var events = PlaybookScheduling.Events([], [new CohortDates(3, new DateOnly(2027, 1, 5), new DateOnly(2027, 2, 1), new DateOnly(2027, 5, 3), null)]);

        Assert.DoesNotContain(events, e => e.Anchor == PlaybookAnchor.ReportIssued);
    }

    [Theory]
    // The kick-off, 14 days before the contract starts (due 2026-12-01), is made from 2026-11-17 until 2026-12-08.
    [InlineData("2026-11-16", false)]
    [InlineData("2026-11-17", true)]
    [InlineData("2026-12-01", true)]
    [InlineData("2026-12-08", true)]
    [InlineData("2026-12-09", false)]
    public void A_task_is_made_from_its_lead_days_before_it_is_due_until_its_grace_days_after(string today, bool made)
    {
        var due = PlaybookScheduling.Due([Task(1, PlaybookAnchor.ContractStart, -14)], Events, DateOnly.Parse(today)).ToList();

        Assert.Equal(made, due.Count == 1);
        if (made) Assert.Equal((new DateOnly(2026, 12, 1), "k7", 7), (due[0].DueOn, due[0].Event.Key, due[0].Event.ContractId));
    }

    [Fact]
    public void Only_the_tasks_whose_event_comes_up_are_due_each_with_its_own_day()
    {
        var tasks = new[]
        {
            Task(1, PlaybookAnchor.CohortStart, 7), Task(2, PlaybookAnchor.Week4, 0), Task(3, PlaybookAnchor.CohortEnd, 14), Task(4, PlaybookAnchor.Renewal90, 0),
        };

        var due = PlaybookScheduling.Due(tasks, Events, new DateOnly(2027, 2, 10)).ToList();

        Assert.Equal([(1, new DateOnly(2027, 2, 8), 3), (2, new DateOnly(2027, 2, 22), 3)], due.Select(d => (d.Task.Id, d.DueOn, d.Event.CohortId!.Value)));
    }
}
