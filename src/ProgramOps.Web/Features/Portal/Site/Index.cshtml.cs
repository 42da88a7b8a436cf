using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Portal.Site;

/// <summary>The client user's home: their organisation's cohorts (a health-insurance society's member employers' too).</summary>
public sealed class IndexModel(PortalScope scope, LocalClock clock) : PageModel
{
    public IReadOnlyList<VisibleClient> Clients { get; private set; } = [];
    public IReadOnlyList<PortalCohort> Cohorts { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today;
        Clients = await scope.ClientsAsync(ct);
        Cohorts = await scope.CohortsAsync(Clients, ct);
    }

    public string ClientName(int id) => Clients.Single(c => c.Id == id).Name;

    public int? Week(PortalCohort cohort) => ProgramWeek.Of(cohort.StartDate, Today);
}
