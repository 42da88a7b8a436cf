using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Features.Programs;
using static ProgramOps.Web.Features.Cohorts.CohortStatus;
using static ProgramOps.Web.Features.Cohorts.ImportRefusal;

namespace ProgramOps.UnitTests.Cohorts;

public sealed class EnrolmentWindowTests
{
    private static readonly DateOnly Start = new(2027, 1, 11);
    private static readonly DateOnly Closes = Start.AddDays(-14);

    private static ImportRefusal? Refusal(CohortStatus status, DateOnly today, DateOnly? lastLateJoinDay) =>
        EnrolmentWindow.RefusalOfImport(new EnrolmentWindowFacts(status, Closes, lastLateJoinDay, today));

    [Fact]
    public void While_the_window_is_open_an_enrolling_cohort_takes_rosters_whatever_the_program_says_of_late_joiners()
    {
        Assert.Null(Refusal(Enrolling, Closes.AddDays(-20), lastLateJoinDay: null));
        Assert.Null(Refusal(Enrolling, Closes, lastLateJoinDay: null));
    }

    [Fact]
    public void After_the_window_closes_a_program_without_late_joiners_refuses_every_roster()
    {
        Assert.Equal(WindowClosed, Refusal(Enrolling, Closes.AddDays(1), lastLateJoinDay: null));
        Assert.Equal(WindowClosed, Refusal(Running, Start.AddDays(2), lastLateJoinDay: null));
    }

    [Fact]
    public void Late_joiners_are_taken_up_to_and_including_the_programs_cut_off_and_not_a_day_later()
    {
        var lastDay = new ProgramDefinition { LateJoinersUntilWeek = 1 }.LastLateJoinDay(Start)!.Value;

        Assert.Equal(Start.AddDays(6), lastDay);
        Assert.Null(Refusal(Enrolling, Closes.AddDays(1), lastDay));
        Assert.Null(Refusal(Running, lastDay, lastDay));
        Assert.Equal(LateJoinCutOffPassed, Refusal(Running, lastDay.AddDays(1), lastDay));
    }

    [Fact]
    public void A_planned_cohort_and_a_finished_one_take_no_roster()
    {
        Assert.Equal(NotEnrolling, Refusal(Planned, Closes.AddDays(-5), Start.AddDays(6)));
        Assert.Equal(CohortOver, Refusal(Completed, Start.AddDays(100), Start.AddDays(6)));
        Assert.Equal(CohortOver, Refusal(Reported, Start.AddDays(100), Start.AddDays(6)));
    }

    [Fact]
    public void A_definition_stored_before_the_late_joiner_rule_reads_as_taking_none_and_the_smoking_template_takes_them_in_week_1()
    {
        var stored = ProgramDefinitionJson.Deserialize("""{"code":"old","nameJa":"旧","nameEn":"Old","durationWeeks":12,"teamSize":{"target":5,"min":4,"max":6}}""");

        Assert.Null(stored.LateJoinersUntilWeek);
        Assert.Null(stored.LastLateJoinDay(Start));
        Assert.Equal(5, stored.TeamSize.Max);
        Assert.Equal(1, ProgramTemplates.SmokingCessation.LateJoinersUntilWeek);
    }
}
