namespace ProgramOps.Web.Features.Clients.Playbooks;

/// <summary>
/// Admin adds (no id), edits or removes (with id) one task of a playbook: audited, optimistic concurrency, a submission
/// token on the add form. Actions already made from the task keep the instruction they were made with.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TaskModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<PlaybooksText> text) : PageModel
{
    [BindProperty] public PlaybookTaskInput Input { get; set; } = new();

    [BindProperty] public int Version { get; set; }

    [BindProperty] public Guid SubmissionToken { get; set; }

    public IndexModel.PlaybookRow? Playbook { get; private set; }
    public bool IsNew => RouteData.Values["id"] is null;
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int playbookId, int? id, CancellationToken ct)
    {
        var (found, task) = await LoadAsync(playbookId, id, ct);
        if (!found) return NotFound();
        if (task is not null) (Input, Version) = (PlaybookTaskInput.From(task), task.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int playbookId, int? id, CancellationToken ct)
    {
        var (found, before) = await LoadAsync(playbookId, id, ct);
        if (!found) return NotFound();
        Input = Input.Normalized();
        ModelState.AddFailures(await new PlaybookTaskInputValidator(text).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var now = time.GetUtcNow();
            var taskId = id ?? 0;
            if (before is null)
            {
                if (await FormSubmissions.FindAsync(c, t, SubmissionToken, "PlaybookTask") is not null) return true;
                taskId = await c.ExecuteScalarAsync<int>(PlaybooksSql.InsertTask + db.Dialect.SelectNewId, Input.ToParameters(playbookId, now, user.UserName), t);
                await FormSubmissions.RecordAsync(c, t, SubmissionToken, "PlaybookTask", taskId, now);
            }
            else if (await c.ExecuteAsync(PlaybooksSql.UpdateTask, Input.ToParameters(playbookId, now, user.UserName, id, Version), t) == 0)
            {
                return false;
            }

            await audit.RecordAsync(c, t, new AuditEntry("PlaybookTask", taskId.ToString(), before is null ? "PlaybookTaskAdded" : "PlaybookTaskUpdated", Input.InstructionJa,
                ChangeSet.Between(before is null ? null : PlaybookTaskInput.From(before), Input)));
            return true;
        }, ct);

        if (!saved) return await ConflictAsync(id!.Value, ct);
        TempData["Flash"] = text[before is null ? "Task.Added" : "Task.Saved"].Value;
        return RedirectToPage("/Clients/Playbooks/Index");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int playbookId, int id, CancellationToken ct)
    {
        var (_, task) = await LoadAsync(playbookId, id, ct);
        if (task is null) return NotFound();

        var deleted = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(PlaybooksSql.DeleteTask, new { Id = id, PlaybookId = playbookId, Version }, t) == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("PlaybookTask", id.ToString(), "PlaybookTaskRemoved", task.InstructionJa,
                ChangeSet.Between(PlaybookTaskInput.From(task), new PlaybookTaskInput { Anchor = task.Anchor, OwnerRole = task.OwnerRole })));
            return true;
        }, ct);

        if (!deleted)
        {
            (Input, Version) = (PlaybookTaskInput.From(task), task.Version);
            return await ConflictAsync(id, ct);
        }

        TempData["Flash"] = text["Task.Removed"].Value;
        return RedirectToPage("/Clients/Playbooks/Index");
    }

    /// <summary>The playbook must exist, and so must the task when an id is given (the task is null when adding).</summary>
    private async Task<(bool Found, PlaybookTaskRow? Task)> LoadAsync(int playbookId, int? id, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        Playbook = await c.QuerySingleOrDefaultAsync<IndexModel.PlaybookRow>(new CommandDefinition(PlaybooksSql.Playbook, new { Id = playbookId }, cancellationToken: ct));
        if (Playbook is null) return (false, null);
        if (id is null)
        {
            if (SubmissionToken == Guid.Empty) SubmissionToken = Guid.NewGuid();
            return (true, null);
        }

        var task = await c.QuerySingleOrDefaultAsync<PlaybookTaskRow>(new CommandDefinition(PlaybooksSql.Task, new { Id = id, PlaybookId = playbookId }, cancellationToken: ct));
        return (task is not null, task);
    }

    private async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        Conflict = await ConcurrencyConflict.FindAsync(db, PlaybooksSql.TaskLastChange, id, ct);
        return Conflict is null ? NotFound() : Page();
    }
}
