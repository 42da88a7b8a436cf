using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>Starts an initiative answering one issue, its scope among the versions and cohorts of the issue's program.</summary>
[Authorize(Policy = Policies.RunCohorts)]
public sealed class CreateModel(Db db, InitiativeWrites initiatives, LocalClock clock, ICurrentUser user, IStringLocalizer<InitiativesText> text) : PageModel
{
    public sealed record IssuePlace
    {
        public int Id { get; init; }
        public int ProgramId { get; init; }
        public FunnelStage Stage { get; init; }
        public string Statement { get; init; } = "";
    }

    /// <summary>A quarter: enough cohorts started before the change to compare with.</summary>
    private const int DefaultBaselineWeeks = 12;

    [BindProperty] public InitiativeInput Input { get; set; } = new();
    [BindProperty] public Guid SubmissionToken { get; set; }
    [BindProperty(SupportsGet = true)] public int IssueId { get; set; }

    public IssuePlace Issue { get; private set; } = null!;
    public IReadOnlyList<NamedId> Owners { get; private set; } = [];
    public IReadOnlyList<VersionEntry> Versions { get; private set; } = [];
    public IReadOnlyList<NamedId> Cohorts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        SubmissionToken = Guid.NewGuid();
        var stage = Issue.Stage == FunnelStage.Invitation ? FunnelStage.Enrolment : Issue.Stage;
        Input = new InitiativeInput
        {
            IssueId = IssueId, MetricStage = stage, StartDate = clock.Today, BaselineWeeks = DefaultBaselineWeeks,
            OwnerId = Owners.FirstOrDefault(o => o.Id == user.Id)?.Id ?? 0,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = Input.Normalized() with { IssueId = IssueId, State = InitiativeState.Active };
        var validator = new InitiativeInputValidator(text, [.. Owners.Select(o => o.Id)], [.. Versions.Select(v => v.Id)], [.. Cohorts.Select(c => c.Id)]);
        ModelState.AddFailures(await validator.ValidateAsync(Input, ct), nameof(Input));
        if (SubmissionToken == Guid.Empty) ModelState.AddModelError(string.Empty, text["Form.Expired"]);
        if (!ModelState.IsValid) return Page();

        var id = await initiatives.CreateAsync(Input, SubmissionToken, ct);
        TempData["Flash"] = text["Form.Created"].Value;
        return Redirect($"/initiatives/{id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var issue = await connection.QuerySingleOrDefaultAsync<IssuePlace>(new CommandDefinition(InitiativesSql.Issue, new { Id = IssueId }, cancellationToken: ct));
        if (issue is null) return false;
        Issue = issue;
        Owners = await StaffDirectory.WithAnyRoleAsync(connection, [Roles.Admin, Roles.ProgramCS], ct);
        Versions = [.. await connection.QueryAsync<VersionEntry>(new CommandDefinition(InitiativesSql.VersionsOfProgram, new { issue.ProgramId }, cancellationToken: ct))];
        Cohorts = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(InitiativesSql.CohortsOfProgram, new { issue.ProgramId }, cancellationToken: ct))];
        return true;
    }
}
