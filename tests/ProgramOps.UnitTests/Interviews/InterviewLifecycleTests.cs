using ProgramOps.Web.Features.Interviews;

namespace ProgramOps.UnitTests.Interviews;

public sealed class InterviewLifecycleTests
{
    [Fact]
    public void An_interview_goes_from_contact_to_consent_to_scheduled_to_done()
    {
        var lifecycle = new InterviewLifecycle(InterviewStatus.Candidate);

        Assert.Equal(InterviewStatus.Contacted, lifecycle.Fire(InterviewStep.Contact));
        Assert.Equal(InterviewStatus.Consented, lifecycle.Fire(InterviewStep.Consent));
        Assert.Equal(InterviewStatus.Scheduled, lifecycle.Fire(InterviewStep.Schedule));
        Assert.Equal(InterviewStatus.Scheduled, lifecycle.Fire(InterviewStep.Schedule));
        Assert.Equal(InterviewStatus.Done, lifecycle.Fire(InterviewStep.Complete));
    }

    [Theory]
    [InlineData(InterviewStatus.Candidate, new[] { InterviewStep.Contact, InterviewStep.Decline })]
    [InlineData(InterviewStatus.Contacted, new[] { InterviewStep.Consent, InterviewStep.Decline })]
    [InlineData(InterviewStatus.Consented, new[] { InterviewStep.Schedule, InterviewStep.Decline })]
    [InlineData(InterviewStatus.Scheduled, new[] { InterviewStep.Schedule, InterviewStep.Complete, InterviewStep.Decline })]
    [InlineData(InterviewStatus.Done, new InterviewStep[0])]
    [InlineData(InterviewStatus.Declined, new InterviewStep[0])]
    public void Each_status_permits_only_its_next_steps(InterviewStatus status, InterviewStep[] permitted)
    {
        Assert.Equal(permitted, new InterviewLifecycle(status).PermittedSteps);
    }

    [Fact]
    public void A_step_out_of_order_is_refused_and_changes_nothing()
    {
        var lifecycle = new InterviewLifecycle(InterviewStatus.Candidate);

        Assert.Null(lifecycle.Fire(InterviewStep.Complete));
        Assert.Null(lifecycle.Fire(InterviewStep.Schedule));
        Assert.Equal(InterviewStatus.Candidate, lifecycle.Status);
    }

    [Fact]
    public void Done_and_declined_interviews_are_closed_and_free_their_participant()
    {
        Assert.Equal([InterviewStatus.Candidate, InterviewStatus.Contacted, InterviewStatus.Consented, InterviewStatus.Scheduled],
            Enum.GetValues<InterviewStatus>().Where(InterviewLifecycle.IsOpen));
        Assert.Equal("('Candidate', 'Contacted', 'Consented', 'Scheduled')", InterviewLifecycle.OpenSqlList);
    }
}
