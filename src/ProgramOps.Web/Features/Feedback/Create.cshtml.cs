using ProgramOps.Web.Infrastructure.Text;
namespace ProgramOps.Web.Features.Feedback;

/// <summary>
/// Intake: a new item is routed at once. When it looks like an open item, the two are shown side by side
/// first and the reporter either merges the report into the open item or reports it as new.
/// </summary>
public sealed class CreateModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, FeedbackRouting routing, IStringLocalizer<FeedbackText> text) : PageModel
{
    [BindProperty] public FeedbackInput Input { get; set; } = new();
    [BindProperty] public Guid SubmissionToken { get; set; }

    public FeedbackChoices Choices { get; private set; } = new([], [], []);
    public IReadOnlyList<DuplicateMatch> Duplicates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionToken = Guid.NewGuid();
        await LoadChoicesAsync(ct);
    }

    /// <summary>First submit: looks for open items that say the same before creating anything.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ValidateAsync(ct)) return Page();
        await using (var connection = await db.OpenAsync(ct))
        {
            var open = await connection.QueryAsync<DuplicateCandidate>(new CommandDefinition(
                FeedbackSql.OpenItemsForDuplicates(db.Dialect), new { Skip = 0, Take = 2000 }, cancellationToken: ct));
            Duplicates = DuplicateFinder.Find(Input.ToFacts(null), open);
        }

        return Duplicates.Count > 0 ? Page() : await CreateAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct) =>
        await ValidateAsync(ct) ? await CreateAsync(ct) : Page();

    /// <summary>Adds this report to an open item: its source, note and people are kept, the item's reports count grows.</summary>
    public async Task<IActionResult> OnPostMergeAsync(int mergeInto, CancellationToken ct)
    {
        if (!await ValidateAsync(ct)) return Page();
        var actor = new FeedbackActor(user.Id, user.UserName, time.GetUtcNow());
        var merged = await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, SubmissionToken, "FeedbackReport") is not null) return true;
            if (await c.ExecuteAsync(FeedbackSql.AddMergedReport, new { Id = mergeInto, Input.AffectedCount, actor.Now, Actor = actor.Name }, t) == 0) return false;
            await FeedbackIntake.InsertReportAsync(c, t, mergeInto, Input, $"{Input.Title}\n{Input.Description}", actor);
            await FormSubmissions.RecordAsync(c, t, SubmissionToken, "FeedbackReport", mergeInto, actor.Now);
            await audit.RecordAsync(c, t, new AuditEntry("FeedbackItem", mergeInto.ToString(), "ReportMerged", CodedText.Encode(AuditSummaries.FeedbackMerged, Input.Source, Input.Title)));
            return true;
        }, ct);

        if (!merged)
        {
            ModelState.AddModelError("", text["Create.MergeTargetClosed"]);
            return await OnPostAsync(ct);
        }

        TempData["Flash"] = text["Create.Merged"].Value;
        return RedirectToPage("/Feedback/Details", new { id = mergeInto });
    }

    private async Task<IActionResult> CreateAsync(CancellationToken ct)
    {
        var snapshot = await routing.CurrentAsync(ct);
        var outcome = snapshot.Route(Input.ToFacts(Choices.ProgramCode(Input.ProgramId)));
        var destination = outcome.Rules.Destination;
        var actor = new FeedbackActor(user.Id, user.UserName, time.GetUtcNow());
        var id = await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, SubmissionToken, "FeedbackItem") is { } existing) return existing;
            var itemId = await FeedbackIntake.InsertAsync(c, t, db.Dialect, Input, outcome, actor);
            await FormSubmissions.RecordAsync(c, t, SubmissionToken, "FeedbackItem", itemId, actor.Now);
            await audit.RecordAsync(c, t, new AuditEntry("FeedbackItem", itemId.ToString(), "Reported",
                CodedText.Encode(AuditSummaries.FeedbackReported, Input.Title, destination, AuditSummaries.Percent(outcome.Rules.Confidence))));
            return itemId;
        }, ct);

        TempData["Flash"] = text["Create.Done", text[$"Destination.{destination}"]].Value;
        return RedirectToPage("/Feedback/Details", new { id });
    }

    private async Task<bool> ValidateAsync(CancellationToken ct)
    {
        Input = Input.Normalized();
        await LoadChoicesAsync(ct);
        ModelState.AddFailures(await new FeedbackInputValidator(text).ValidateAsync(Input, ct), nameof(Input));
        CheckChoice(Input.ProgramId, Choices.Programs, nameof(FeedbackInput.ProgramId), text["Field.Program"]);
        CheckChoice(Input.ClientId, Choices.Clients, nameof(FeedbackInput.ClientId), text["Field.Client"]);
        CheckChoice(Input.CohortId, Choices.Cohorts, nameof(FeedbackInput.CohortId), text["Field.Cohort"]);
        if (SubmissionToken == Guid.Empty) SubmissionToken = Guid.NewGuid();
        return ModelState.IsValid;
    }

    private void CheckChoice(int? id, IReadOnlyList<NamedId> choices, string field, string label)
    {
        if (id is { } chosen && choices.All(c => c.Id != chosen))
            ModelState.AddFieldError($"{nameof(Input)}.{field}", label, text["Validation.Choice"]);
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Choices = await FeedbackChoices.LoadAsync(connection, ct);
    }
}
