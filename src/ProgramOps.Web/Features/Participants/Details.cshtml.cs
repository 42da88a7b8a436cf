using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Participants;

/// <summary>One participant: who they are (until they withdraw), where they are in the program, how they got there, and what staff may do next.</summary>
public sealed class DetailsModel(
    Db db, ParticipantTransitions transitions, ICurrentUser user, TimeProvider time, ParticipantPrivacy privacy,
    IStringLocalizer<ParticipantsText> text) : PageModel
{
    public sealed record HistoryRow
    {
        public long Id { get; init; }
        public ParticipantState FromState { get; init; }
        public ParticipantState ToState { get; init; }
        public ParticipantTrigger TriggerName { get; init; }
        public ParticipantOutcome? Outcome { get; init; }
        public required string Actor { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public string? Reason { get; init; }
        public string? EventId { get; init; }
    }

    /// <summary>An event from the app, with its data as the app sent it.</summary>
    public sealed record EventRow
    {
        /// <summary>How many of the latest events the page shows.</summary>
        public const int Shown = 50;

        public required string EventType { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public required string Payload { get; init; }

        /// <summary>What the participant wrote in their own words (a check-in note, app feedback): personal, like their name.</summary>
        private static readonly HashSet<string> FreeText = new(StringComparer.Ordinal) { "note", "text" };

        /// <summary>The data's fields as "name: value" pairs, in the order the app sent them; without free text unless <paramref name="personal"/>.</summary>
        public IEnumerable<(string Name, string Value)> Fields(bool personal) =>
            System.Text.Json.JsonDocument.Parse(Payload).RootElement is { ValueKind: System.Text.Json.JsonValueKind.Object } data
                ? data.EnumerateObject().Where(f => personal || !FreeText.Contains(f.Name))
                    .Select(f => (f.Name, f.Value.ValueKind == System.Text.Json.JsonValueKind.String ? f.Value.GetString()! : f.Value.GetRawText()))
                : [];
    }

    public sealed record Command
    {
        public ParticipantTrigger? Trigger { get; init; }
        public ParticipantOutcome? Outcome { get; init; }
        public string? Reason { get; init; }
        public int Version { get; init; }
    }

    public sealed class Validator : FormValidator<Command>
    {
        public const int ReasonLength = 500;

        public Validator(IStringLocalizer<ParticipantsText> text) : base(text)
        {
            RuleFor(c => c.Trigger).NotNull().WithMessage(_ => text["Details.ChooseStep"]).WithName(text["Field.Step"]);
            RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => text["Details.ReasonRequired"])
                .MaximumLength(ReasonLength).WithMessage(_ => text["Details.ReasonTooLong", ReasonLength]);
            RuleFor(c => c.Outcome).NotNull().WithMessage(_ => text["Details.ChooseOutcome"]).When(c => c.Trigger == ParticipantTrigger.Complete);
        }
    }

    public sealed record OpenAction
    {
        public int Id { get; init; }
        public CsActionKind Kind { get; init; }
        public required string Reason { get; init; }
        public DateOnly DueOn { get; init; }
        public string? OwnerName { get; init; }
    }

    public ParticipantRecord Item { get; private set; } = null!;
    public IReadOnlyList<OpenAction> OpenActions { get; private set; } = [];

    /// <summary>The program week the participant is in (1 from the start day), or null before the start.</summary>
    public int? ProgramWeek { get; private set; }
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    /// <summary>Where the participant is in the funnel: the furthest stage reached, and whether they were lost there.</summary>
    public FunnelPlace Funnel { get; private set; }
    public IReadOnlyList<EventRow> Events { get; private set; } = [];
    public IReadOnlyList<ParticipantTrigger> Permitted { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }
    public string? Refusal { get; private set; }

    /// <summary>Whether the viewer sees who the participant is, or only their pseudonymous label.</summary>
    public bool ShowsPersonalData { get; private set; }

    [BindProperty] public Command Input { get; set; } = new();

    /// <summary>Shows the participant, and records who viewed them and when (the view log administrators read).</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await db.InTransactionAsync((c, t) => c.ExecuteAsync(new CommandDefinition(ParticipantsSql.RecordView, new
        {
            ParticipantId = id, UserId = user.Id, UserName = user.UserName, WithPersonalData = ShowsPersonalData, Now = time.GetUtcNow(),
        }, t, cancellationToken: ct)), ct);
        return Page();
    }

    [HandlerPolicy(Policies.RunCohorts)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = Input with { Reason = Input.Reason?.Trim() };
        ModelState.AddFailures(await new Validator(text).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var trigger = Input.Trigger!.Value;
        var result = await db.InTransactionAsync((c, t) => transitions.FireAsync(c, t, id, Input.Version,
            (lifecycle, cause) => trigger == ParticipantTrigger.Complete ? lifecycle.Complete(cause, Input.Outcome!.Value) : lifecycle.Fire(trigger, cause),
            user.Id, user.UserName, Input.Reason!, eventId: null, ct), ct);

        switch (result)
        {
            case Transitioned done:
                TempData["Flash"] = text["Details.Moved", text[$"State.{done.Transition.To}"]].Value;
                return RedirectToPage(new { id });
            case TransitionRefused refused:
                Refusal = text["Details.Refused", text[$"Trigger.{refused.Reason.Trigger}"], text[$"State.{refused.Reason.State}"],
                    refused.Reason.UnmetGuards.Count > 0 ? text.Guards(refused.Reason.UnmetGuards, Item.Program)
                    : string.Join(text["Guard.Separator"], refused.Reason.Permitted.Select(p => text[$"Trigger.{p}"].Value))];
                return Page();
            case TransitionConflict:
                Conflict = await ConcurrencyConflict.FindAsync(db, ParticipantsSql.LastChange, id, ct);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var participant = await ParticipantRecord.FindAsync(connection, null, id, ct);
        if (participant is null) return false;
        ShowsPersonalData = await privacy.ShowsPersonalDataAsync();
        Item = ShowsPersonalData ? participant : participant.WithoutPersonalData();
        History = [.. await connection.QueryAsync<HistoryRow>(new CommandDefinition(ParticipantsSql.History, new { Id = id }, cancellationToken: ct))];
        Events = [.. await connection.QueryAsync<EventRow>(new CommandDefinition(ParticipantsSql.LatestEvents(db.Dialect),
            new { Id = id, Skip = 0, Take = EventRow.Shown }, cancellationToken: ct))];
        var facts = participant.Facts(time.GetUtcNow());
        Permitted = new ParticipantLifecycle(participant.State, facts).PermittedTriggers;
        ProgramWeek = Programs.ProgramWeek.Of(facts.ProgramStart, facts.Today);
        var stateChangedWeek = Programs.ProgramWeek.Of(facts.ProgramStart, participant.Facts(participant.StateChangedAt).Today) ?? 0;
        Funnel = FunnelClassifier.Place(participant.State, History.FirstOrDefault()?.FromState, stateChangedWeek, ProgramWeek ?? 0);
        OpenActions = [.. await connection.QueryAsync<OpenAction>(new CommandDefinition(ActionsSql.OpenForParticipant, new { Id = id }, cancellationToken: ct))];
        return true;
    }
}
