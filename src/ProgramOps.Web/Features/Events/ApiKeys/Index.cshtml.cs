using ProgramOps.Web.Features.Events;

namespace ProgramOps.Web.Features.Events.ApiKeys;

/// <summary>The API keys integrations sign their event batches with: create (the secret is shown once), revoke.</summary>
public sealed class IndexModel(Db db, ApiKeySecrets secrets, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<EventsText> text) : PageModel
{
    public sealed record Row
    {
        public int Id { get; init; }
        public required string Name { get; init; }
        public required string KeyId { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public required string CreatedBy { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
        public string? RevokedBy { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
        public int Version { get; init; }
    }

    public IReadOnlyList<Row> Keys { get; private set; } = [];
    public NewApiKey? Created { get; private set; }
    public ConcurrencyConflict? Conflict { get; private set; }

    [BindProperty] public string? Name { get; set; }

    public sealed class Validator : FormValidator<IndexModel>
    {
        public const int NameLength = 200;

        public Validator(IStringLocalizer<EventsText> text) : base(text, "ApiKeys.")
        {
            RuleFor(m => m.Name).NotEmpty().WithMessage(_ => text["ApiKeys.NameRequired"])
                .MaximumLength(NameLength).WithMessage(_ => text["ApiKeys.NameRequired"]);
        }
    }
    [BindProperty] public Guid SubmissionToken { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionToken = Guid.NewGuid();
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        Name = Name?.Trim();
        ModelState.AddFailures(await new Validator(text).ValidateAsync(this, ct), prefix: "");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var key = secrets.Create();
        var created = await db.InTransactionAsync(async (c, t) =>
        {
            if (await FormSubmissions.FindAsync(c, t, SubmissionToken, "ApiKey") is not null) return false;
            var now = time.GetUtcNow();
            var id = await ApiKeyRegistration.InsertAsync(c, t, db.Dialect, audit, Name!, key, now, user.Id, user.UserName);
            await FormSubmissions.RecordAsync(c, t, SubmissionToken, "ApiKey", id, now);
            return true;
        }, ct);

        // A repeated post (double click, reload) made no second key; its secret was shown the first time only.
        if (!created) return RedirectToPage();
        Created = key;
        SubmissionToken = Guid.NewGuid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int version, CancellationToken ct)
    {
        var revoked = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(EventsSql.RevokeApiKey, new { Id = id, Version = version, Now = time.GetUtcNow(), Actor = user.UserName }, t) == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("ApiKey", id.ToString(), "Revoked"));
            return true;
        }, ct);
        if (!revoked)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, EventsSql.ApiKeyLastChange, id, ct);
            SubmissionToken = Guid.NewGuid();
            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = text["ApiKeys.Revoked"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Keys = [.. await connection.QueryAsync<Row>(new CommandDefinition(EventsSql.ApiKeys, cancellationToken: ct))];
    }
}
