namespace ProgramOps.Web.Features.Issues;

/// <summary>Opens an issue for one program's funnel stage; opened from a finding, it takes the finding's program and stage and links it.</summary>
public sealed class CreateModel(Db db, IssueWrites issues, IStringLocalizer<IssuesText> text) : PageModel
{
    private sealed record FindingPlace
    {
        public int Id { get; init; }
        public Funnel.FunnelStage Stage { get; init; }
        public int ProgramId { get; init; }
    }

    [BindProperty] public IssueInput Input { get; set; } = new();
    [BindProperty] public Guid SubmissionToken { get; set; }
    [BindProperty(SupportsGet = true)] public int? FindingId { get; set; }

    public IReadOnlyList<NamedId> Programs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        SubmissionToken = Guid.NewGuid();
        if (FindingId is { } findingId)
        {
            await using var connection = await db.OpenAsync(ct);
            var finding = await connection.QuerySingleOrDefaultAsync<FindingPlace>(new CommandDefinition(IssuesSql.Finding, new { Id = findingId }, cancellationToken: ct));
            if (finding is null) return NotFound();
            Input = new IssueInput { ProgramId = finding.ProgramId, Stage = finding.Stage };
        }
        else if (Programs.Count == 1)
        {
            Input = new IssueInput { ProgramId = Programs[0].Id };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = Input.Normalized();
        ModelState.AddFailures(await new IssueInputValidator(text, [.. Programs.Select(p => p.Id)]).ValidateAsync(Input, ct), nameof(Input));
        if (SubmissionToken == Guid.Empty) ModelState.AddModelError(string.Empty, text["Form.Expired"]);
        if (!ModelState.IsValid) return Page();

        var id = await issues.CreateAsync(Input, FindingId, SubmissionToken, ct);
        TempData["Flash"] = text["Form.Created"].Value;
        return Redirect($"/issues/{id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Programs = [.. await connection.QueryAsync<NamedId>(new CommandDefinition(IssuesSql.Programs, cancellationToken: ct))];
    }
}
