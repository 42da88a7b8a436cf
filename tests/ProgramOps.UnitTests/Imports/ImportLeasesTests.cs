using ProgramOps.Web.Features.Cohorts.Imports;

namespace ProgramOps.UnitTests.Imports;

public sealed class ImportLeasesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);
    private static readonly ImportWorkerIdentity Self = new("node-a", 200, "self");

    private static ClaimedImport Claim(string claimedBy, DateTimeOffset? leaseUntil, int attempts = 1, RosterImportStatus status = RosterImportStatus.Committing) =>
        new() { Id = 7, Status = status, ClaimedBy = claimedBy, LeaseUntil = leaseUntil, Attempts = attempts, UpdatedAt = Now.AddSeconds(-5) };

    [Fact]
    public void Work_of_a_process_that_ended_on_this_machine_is_reclaimed_at_once_though_its_lease_runs()
    {
        var claim = Claim("node-a/100/dead", Now.AddSeconds(50));
        Assert.True(ImportLeases.OwnerIsGone(claim, Now, Self, processIsRunning: _ => false));
        Assert.False(ImportLeases.OwnerIsGone(claim, Now, Self, processIsRunning: _ => true));
    }

    [Fact]
    public void Work_of_another_machine_waits_for_its_lease_to_run_out()
    {
        var claim = Claim("node-b/100/other", Now.AddSeconds(1));
        Assert.False(ImportLeases.OwnerIsGone(claim, Now, Self, processIsRunning: _ => false));
        Assert.True(ImportLeases.OwnerIsGone(claim with { LeaseUntil = Now.AddSeconds(-1) }, Now, Self, processIsRunning: _ => true));
    }

    [Fact]
    public void Another_worker_in_this_very_process_is_trusted_until_its_lease_runs_out()
    {
        var claim = Claim("node-a/200/sibling", Now.AddSeconds(30));
        Assert.False(ImportLeases.OwnerIsGone(claim, Now, Self, processIsRunning: _ => false));
    }

    [Theory]
    [InlineData(RosterImportStatus.Validating, 1, RosterImportStatus.Queued, ImportNoticeCode.Interrupted)]
    [InlineData(RosterImportStatus.Committing, 2, RosterImportStatus.CommitQueued, ImportNoticeCode.Interrupted)]
    [InlineData(RosterImportStatus.Validating, ImportLeases.MaxAttempts, RosterImportStatus.Failed, ImportNoticeCode.InterruptedRepeatedly)]
    [InlineData(RosterImportStatus.Committing, ImportLeases.MaxAttempts, RosterImportStatus.Previewed, ImportNoticeCode.InterruptedRepeatedly)]
    public void Reclaimed_work_resumes_by_itself_until_it_has_lost_its_worker_too_often(
        RosterImportStatus status, int attempts, RosterImportStatus to, ImportNoticeCode notice)
    {
        var (reclaimedTo, said) = ImportLeases.Reclaim(Claim("node-b/1/x", Now.AddSeconds(-1), attempts, status), Now);
        Assert.Equal((to, notice, attempts, Now), (reclaimedTo, said.Code, said.Attempts, said.At));
    }

    [Fact]
    public void A_worker_identity_reads_back_from_its_text()
    {
        var identity = ImportWorkerIdentity.OfThisProcess();
        Assert.Equal(identity, ImportWorkerIdentity.Parse(identity.ToString()));
        Assert.Null(ImportWorkerIdentity.Parse("not a worker"));
    }
}
