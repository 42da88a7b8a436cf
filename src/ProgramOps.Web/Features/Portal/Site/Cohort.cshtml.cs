using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Web.Features.Portal.Site;

/// <summary>
/// One cohort as a client user sees it, for each of their organisations in it: recruitment progress, the program week,
/// engagement by week — the draft report's figures, so counted, suppressed and rolled up exactly as reports are, and
/// not shown when the draft differs from an issued report by fewer than k people — and the issued reports to download.
/// </summary>
public sealed class CohortModel(PortalScope scope, OutcomeReports reports, DraftDifferencing differencing, Db db, LocalClock clock) : PageModel
{
    public sealed record Slice(
        PortalCohort Cohort, string ClientName, ClientReport? Report, DifferencingConflict? Differencing, IReadOnlyList<Outcomes.IndexModel.VersionRow> Versions)
    {
        /// <summary>The draft's figures when they may be shown.</summary>
        public OutcomeFigures? Figures => Differencing is null ? Report?.Figures : null;
    }

    public IReadOnlyList<Slice> Slices { get; private set; } = [];

    /// <summary>The user's own organisation, whose invitation letters they may download when <see cref="MayHoldCodes"/>.</summary>
    public int OwnClientId => scope.ClientId;

    public bool MayHoldCodes { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cohortId, CancellationToken ct)
    {
        Today = clock.Today;
        var clients = await scope.ClientsAsync(ct);
        var cohorts = (await scope.CohortsAsync(clients, ct)).Where(c => c.CohortId == cohortId).ToList();
        if (cohorts.Count == 0) return NotFound();

        var slices = new List<Slice>();
        foreach (var cohort in cohorts)
        {
            var report = await reports.DrawAsync(cohortId, cohort.ClientId, ct);
            var conflict = report?.Figures is null ? null : await differencing.CheckAsync(report, ct);
            await using var c = await db.OpenAsync(ct);
            var versions = await c.QueryAsync<Outcomes.IndexModel.VersionRow>(new CommandDefinition(OutcomesSql.Versions,
                new { CohortId = cohortId, cohort.ClientId }, cancellationToken: ct));
            slices.Add(new Slice(cohort, clients.Single(v => v.Id == cohort.ClientId).Name, report, conflict, [.. versions]));
        }

        Slices = slices;
        MayHoldCodes = await scope.MayHoldCodesAsync(ct);
        return Page();
    }
}
