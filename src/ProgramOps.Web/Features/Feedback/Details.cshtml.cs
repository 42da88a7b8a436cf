using ProgramOps.Web.Features.Account;

namespace ProgramOps.Web.Features.Feedback;

/// <summary>
/// An item's stable page: what was reported (every merged report too), where it went and why, the
/// learned model's suggestion beside it, overrides with reasons, status and owner.
/// </summary>
public sealed class DetailsModel(
    Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, FeedbackRouting routing,
    IAuthorizationService authorization, IStringLocalizer<FeedbackText> text) : PageModel
{
    private static readonly string[] OwnerRoles = [Roles.Admin, Roles.ProgramCS, Roles.BizDev];

    /// <summary>An item as stored: its facts (what routing reads) and the rest.</summary>
    public sealed record Item
    {
        public FeedbackFacts Facts { get; init; } = new();
        public int Id { get; init; }
        public int? ProgramId { get; init; }
        public int? ClientId { get; init; }
        public int? CohortId { get; init; }
        public Severity Severity { get; init; }
        public int AffectedCount { get; init; }
        public Destination Destination { get; init; }
        public double Confidence { get; init; }
        public FeedbackStatus Status { get; init; }
        public int? OwnerId { get; init; }
        public DateTimeOffset? RoutedAt { get; init; }
        public int Version { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public required string CreatedBy { get; init; }
        public string? ClientName { get; init; }
        public string? CohortName { get; init; }
        public string? OwnerName { get; init; }
        public int ReportsCount { get; init; }
    }

    public sealed record Report
    {
        public int Id { get; init; }
        public FeedbackSource Source { get; init; }
        public required string Note { get; init; }
        public int AffectedCount { get; init; }
        public required string ReportedBy { get; init; }
        public DateTimeOffset ReportedAt { get; init; }
    }

    public sealed record Decision
    {
        public int Id { get; init; }
        public DecisionKind Kind { get; init; }
        public Destination Destination { get; init; }
        public double? Confidence { get; init; }
        public Destination? SuggestedDestination { get; init; }
        public double? SuggestedProbability { get; init; }
        public string? Explanation { get; init; }
        public string? Reason { get; init; }
        public required string DecidedBy { get; init; }
        public DateTimeOffset DecidedAt { get; init; }
    }

    public sealed record StatusChange
    {
        public FeedbackStatus? FromStatus { get; init; }
        public FeedbackStatus ToStatus { get; init; }
        public required string ChangedBy { get; init; }
        public DateTimeOffset ChangedAt { get; init; }
    }

    public sealed record OverrideInput
    {
        public const int MaxReason = 1000;

        public Destination Destination { get; init; }
        public string Reason { get; init; } = "";
    }

    public sealed class OverrideValidator : FormValidator<OverrideInput>
    {
        public OverrideValidator(IStringLocalizer<FeedbackText> text, Destination current) : base(text)
        {
            RuleFor(o => o.Destination).NotEqual(current).WithMessage(_ => text["Override.SameDestination"]);
            RuleFor(o => o.Reason).NotEmpty().WithMessage(_ => text["Override.ReasonRequired"])
                .MaximumLength(OverrideInput.MaxReason).WithMessage(_ => text["Validation.TooLong", OverrideInput.MaxReason])
                .WithName(text["Override.Reason"]);
        }
    }

    [BindProperty] public OverrideInput Override { get; set; } = new();

    public Item Feedback { get; private set; } = null!;
    public IReadOnlyList<Report> Reports { get; private set; } = [];
    public IReadOnlyList<Decision> Decisions { get; private set; } = [];
    public IReadOnlyList<StatusChange> StatusChanges { get; private set; } = [];
    public IReadOnlyList<NamedId> Owners { get; private set; } = [];
    public FeedbackChoices Programs { get; private set; } = new([], [], []);

    /// <summary>A program the item or a rule names by its code, as people know it.</summary>
    public string ProgramName(string code) => Programs.ProgramNameOfCode(code, System.Globalization.CultureInfo.CurrentUICulture);

    /// <summary>The rule set's routing at intake, with its explanation.</summary>
    public RoutingResult? RuleResult { get; private set; }

    /// <summary>What the learned model, trained on every decision so far, suggests now.</summary>
    public LearnedSuggestion Suggestion { get; private set; } = null!;

    public bool CanRoute { get; private set; }
    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [HandlerPolicy(Policies.RouteFeedback)]
    public async Task<IActionResult> OnPostOverrideAsync(int id, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Override = Override with { Reason = (Override.Reason ?? "").Trim() };
        ModelState.AddFailures(await new OverrideValidator(text, Feedback.Destination).ValidateAsync(Override, ct), nameof(Override));
        if (!ModelState.IsValid) return Page();

        var snapshot = await routing.CurrentAsync(ct);
        var outcome = snapshot.Route(Feedback.Facts);
        var status = FeedbackWrites.StatusFor(Override.Destination);
        var actor = Actor();
        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(FeedbackSql.Override, new
                {
                    Id = id, Version = version, Destination = Override.Destination.ToString(), Status = status.ToString(), actor.Now, Actor = actor.Name,
                }, t) == 0) return false;
            await FeedbackWrites.RecordDecisionAsync(c, t, db.Dialect, id, DecisionKind.Override, Override.Destination, outcome, Override.Reason, actor);
            if (status != Feedback.Status) await FeedbackWrites.RecordStatusAsync(c, t, id, Feedback.Status, status, actor);
            await audit.RecordAsync(c, t, new AuditEntry("FeedbackItem", id.ToString(), "Overridden", Override.Reason, new Dictionary<string, FieldChange>
            {
                ["Destination"] = new(Feedback.Destination.ToString(), Override.Destination.ToString()),
                ["Status"] = new(Feedback.Status.ToString(), status.ToString()),
            }));
            return true;
        }, ct);

        return await AfterWriteAsync(id, saved, text["Override.Done", text.Label(Override.Destination)], ct);
    }

    [HandlerPolicy(Policies.RouteFeedback)]
    public async Task<IActionResult> OnPostStatusAsync(int id, int version, FeedbackStatus status, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!FeedbackWorkflow.Next(Feedback.Status).Contains(status))
        {
            ModelState.AddModelError("", text["StatusChange.NotAllowed", text.Label(Feedback.Status), text.Label(status)]);
            return Page();
        }

        var actor = Actor();
        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(FeedbackSql.SetStatus, new
                {
                    Id = id, Version = version, From = Feedback.Status.ToString(), Status = status.ToString(), actor.Now, Actor = actor.Name,
                }, t) == 0) return false;
            await FeedbackWrites.RecordStatusAsync(c, t, id, Feedback.Status, status, actor);
            await audit.RecordAsync(c, t, new AuditEntry("FeedbackItem", id.ToString(), "StatusChanged", null, new Dictionary<string, FieldChange>
            {
                ["Status"] = new(Feedback.Status.ToString(), status.ToString()),
            }));
            return true;
        }, ct);

        return await AfterWriteAsync(id, saved, text["StatusChange.Done", text.Label(status)], ct);
    }

    [HandlerPolicy(Policies.RouteFeedback)]
    public async Task<IActionResult> OnPostOwnerAsync(int id, int version, int? ownerId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ownerId is { } owner && Owners.All(o => o.Id != owner))
        {
            ModelState.AddModelError("", text["Validation.Choice"]);
            return Page();
        }

        var actor = Actor();
        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            if (await c.ExecuteAsync(FeedbackSql.SetOwner, new { Id = id, Version = version, OwnerId = ownerId, actor.Now, Actor = actor.Name }, t) == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("FeedbackItem", id.ToString(), "OwnerChanged", null, new Dictionary<string, FieldChange>
            {
                ["Owner"] = new(Feedback.OwnerName, Owners.FirstOrDefault(o => o.Id == ownerId)?.Name),
            }));
            return true;
        }, ct);

        return await AfterWriteAsync(id, saved, text["Owner.Done"], ct);
    }

    private FeedbackActor Actor() => new(user.Id, user.UserName, time.GetUtcNow());

    /// <summary>A saved change teaches the model at once; a lost race shows who saved first and keeps the page.</summary>
    private async Task<IActionResult> AfterWriteAsync(int id, bool saved, string done, CancellationToken ct)
    {
        if (!saved)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, FeedbackSql.LastChange, id, ct);
            return Page();
        }

        routing.Invalidate();
        TempData["Flash"] = done;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var item = (await connection.QueryAsync<FeedbackFacts, Item, Item>(new CommandDefinition(FeedbackSql.Find, new { Id = id }, cancellationToken: ct),
            (facts, stored) => stored with { Facts = facts }, splitOn: nameof(Item.Id))).SingleOrDefault();
        if (item is null) return false;
        Feedback = item;
        var parameters = new { Id = id };
        Reports = (await connection.QueryAsync<Report>(new CommandDefinition(FeedbackSql.ReportsOfItem, parameters, cancellationToken: ct))).ToList();
        Decisions = (await connection.QueryAsync<Decision>(new CommandDefinition(FeedbackSql.DecisionsOfItem, parameters, cancellationToken: ct))).ToList();
        StatusChanges = (await connection.QueryAsync<StatusChange>(new CommandDefinition(FeedbackSql.StatusChangesOfItem, parameters, cancellationToken: ct))).ToList();
        Owners = await StaffDirectory.WithAnyRoleAsync(connection, OwnerRoles, ct);
        Programs = await FeedbackChoices.LoadAsync(connection, ct);
        RuleResult = Decisions.LastOrDefault(d => d.Kind == DecisionKind.Rules)?.Explanation is { } json ? FeedbackJson.Deserialize<RoutingResult>(json) : null;
        Suggestion = (await routing.CurrentAsync(ct)).Route(item.Facts).Suggestion;
        CanRoute = (await authorization.AuthorizeAsync(User, Policies.RouteFeedback)).Succeeded;
        return true;
    }
}
