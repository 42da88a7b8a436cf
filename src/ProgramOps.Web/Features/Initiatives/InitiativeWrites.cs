using System.Globalization;
using System.Security.Cryptography;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>
/// Starts initiatives and draws a team experiment's arms, each one short transaction with its audit rows: the create page
/// calls it, the decay watch job draws the arms of cohorts whose teams formed later, and so does the demo.
/// </summary>
public sealed class InitiativeWrites(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time)
{
    private const string Submission = "Initiative";

    /// <summary>Creates the initiative and its scope; a team experiment whose cohort has teams already gets its arms at once.</summary>
    public Task<int> CreateAsync(InitiativeInput input, Guid submission, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        int? seed = input.BaselineKind == BaselineKind.ControlTeams ? RandomNumberGenerator.GetInt32(int.MaxValue) : null;
        return db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, submission, Submission) is { } existing) return existing;
            var id = await c.ExecuteScalarAsync<int>(new CommandDefinition(InitiativesSql.Insert(db.Dialect), new
            {
                input.IssueId, input.Title, input.Hypothesis, ChangeKind = input.ChangeKind.ToString(), input.ChangeDescription,
                MetricKind = input.MetricKind.ToString(), MetricStage = input.MetricStage?.ToString(), input.MetricFromWeek, input.MetricToWeek,
                BaselineKind = input.BaselineKind.ToString(), input.BaselineWeeks, input.StartDate, input.OwnerId, DecayShare = input.DecayPercent / 100.0,
                ArmSeed = seed, State = input.State.ToString(), Now = now, Actor = user.UserName,
            }, t, cancellationToken: ct));
            foreach (var versionId in input.VersionIds)
                await c.ExecuteAsync(new CommandDefinition(InitiativesSql.InsertVersion, new { Id = id, ScopeId = versionId }, t, cancellationToken: ct));
            foreach (var cohortId in input.CohortIds)
                await c.ExecuteAsync(new CommandDefinition(InitiativesSql.InsertCohort, new { Id = id, ScopeId = cohortId }, t, cancellationToken: ct));
            await FormSubmissions.RecordAsync(c, t, submission, Submission, id, now);
            await audit.RecordAsync(c, t, new AuditEntry("Initiative", Key(id), "InitiativeCreated", CodedText.Encode(AuditSummaries.InitiativeStarted, input.Title, input.IssueId)));
            if (seed is { } armSeed) await AssignArmsAsync(c, t, audit, id, input.CohortIds[0], armSeed, now, ct);
            return id;
        }, ct);
    }

    /// <summary>
    /// Draws the arms of a team experiment from its cohort's teams by the stored seed, inside the caller's transaction;
    /// nothing when the cohort has no teams yet or the arms are drawn already.
    /// </summary>
    /// <returns>How many teams were assigned.</returns>
    public static async Task<int> AssignArmsAsync(DbConnection c, DbTransaction t, AuditTrail audit, int initiativeId, int cohortId, int seed, DateTimeOffset now, CancellationToken ct)
    {
        if (await c.ExecuteScalarAsync<int>(new CommandDefinition(InitiativesSql.HasArms, new { Id = initiativeId }, t, cancellationToken: ct)) > 0) return 0;
        var teams = (await c.QueryAsync<long>(new CommandDefinition(InitiativesSql.TeamsOfCohort, new { CohortId = cohortId }, t, cancellationToken: ct))).ToList();
        if (teams.Count == 0) return 0;
        var (treatment, control) = ExperimentArms.Assign(teams, seed);
        foreach (var (arm, ids) in new[] { (Arm.Treatment, treatment), (Arm.Control, control) })
        {
            foreach (var teamId in ids)
                await c.ExecuteAsync(new CommandDefinition(InitiativesSql.InsertArm, new { Id = initiativeId, TeamId = teamId, Arm = arm.ToString(), Now = now }, t, cancellationToken: ct));
        }

        await audit.RecordAsync(c, t, new AuditEntry("Initiative", Key(initiativeId), "InitiativeArmsAssigned",
            CodedText.Encode(AuditSummaries.InitiativeArms, treatment.Count, control.Count)));
        return teams.Count;
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
