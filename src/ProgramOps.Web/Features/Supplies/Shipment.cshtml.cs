using System.Globalization;

namespace ProgramOps.Web.Features.Supplies;

/// <summary>One shipment: what, for whom, where it is; staff move it on by hand with a note (audited, optimistic concurrency).</summary>
public sealed class ShipmentModel(
    Db db, AuditTrail audit, ICurrentUser user, LocalClock clock, IStringLocalizer<SuppliesText> text) : PageModel
{
    public sealed record Details
    {
        public long Id { get; init; }
        public long ParticipantId { get; init; }
        public string? FullName { get; init; }
        public string? Kana { get; init; }
        public required string InvitationCode { get; init; }
        public int CohortId { get; init; }
        public required string CohortName { get; init; }
        public required string ClientName { get; init; }
        public int Week { get; init; }
        public required string Item { get; init; }
        public string? ItemEn { get; init; }
        public DateOnly DueOn { get; init; }
        public ShipmentStatus Status { get; init; }
        public int? ExportId { get; init; }
        public DateOnly? ExportedOn { get; init; }
        public DateOnly? ShippedOn { get; init; }
        public DateOnly? DeliveredOn { get; init; }
        public string? TrackingNumber { get; init; }
        public string? ProblemNote { get; init; }
        public int Version { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public required string UpdatedBy { get; init; }

        public StoredShipment Stored => new()
        {
            Id = Id, Version = Version, Status = Status, ExportedOn = ExportedOn, ShippedOn = ShippedOn, DeliveredOn = DeliveredOn,
            TrackingNumber = TrackingNumber, ProblemNote = ProblemNote,
        };
    }

    public sealed record Command
    {
        public ShipmentStatus? To { get; init; }
        public DateOnly? On { get; init; }
        public string? TrackingNumber { get; init; }
        public string? Note { get; init; }
        public int Version { get; init; }
    }

    public sealed class Validator : FormValidator<Command>
    {
        public Validator(IStringLocalizer<SuppliesText> text, DateOnly today) : base(text)
        {
            RuleFor(c => c.To).NotNull().WithMessage(_ => text["Change.ChooseStatus"]).WithName(text["Field.Status"]);
            RuleFor(c => c.On).LessThanOrEqualTo(today).WithMessage(_ => text["Problem.FutureDate"]).WithName(text["Change.On"]);
            RuleFor(c => c.TrackingNumber).MaximumLength(PartnerFileCheck.TrackingNumberLength)
                .WithMessage(_ => text["Problem.TooLong", PartnerFileCheck.TrackingNumberLength]);
            RuleFor(c => c.Note).NotEmpty().WithMessage(_ => text["Change.NoteRequired"])
                .MaximumLength(PartnerFileCheck.NoteLength).WithMessage(_ => text["Problem.TooLong", PartnerFileCheck.NoteLength])
                .WithName(text["Change.Note"]);
        }
    }

    public Details Item { get; private set; } = null!;
    public IReadOnlyList<ShipmentStatus> Next { get; private set; } = [];
    public ConcurrencyConflict? Conflict { get; private set; }

    [BindProperty] public Command Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [HandlerPolicy(Policies.RunCohorts)]
    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.AddFailures(await new Validator(text, clock.Today).ValidateAsync(Input, ct), nameof(Input));
        if (Input.To is { } to && ShipmentFlow.Check(Item.Status, to) != ShipmentMoveCheck.Allowed && Input.Version == Item.Version)
            ModelState.AddFieldError($"{nameof(Input)}.{nameof(Command.To)}", text["Field.Status"], text["Problem.Refused", text[$"Status.{Item.Status}"], text[$"Status.{to}"]]);
        if (!ModelState.IsValid) return Page();

        var move = new ShipmentMove(Input.To!.Value, Input.On ?? clock.Today, Blank(Input.TrackingNumber), Input.Note!.Trim());
        var before = Item.Stored with { Version = Input.Version };
        var moved = await db.InTransactionAsync(async (c, t) =>
        {
            if (!await ShipmentWrites.MoveAsync(c, t, audit, before, move, move.Note!, user.UserName, clock.UtcNow)) return false;
            await ShipmentWrites.ResolveClearedActionsAsync(c, t, clock.Today, user.UserName, clock.UtcNow);
            return true;
        }, ct);
        if (!moved)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, SuppliesSql.LastChange, id, ct);
            return Conflict is null ? NotFound() : Page();
        }

        TempData["Flash"] = text["Change.Done", text[$"Status.{move.To}"]].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var item = await connection.QuerySingleOrDefaultAsync<Details>(new CommandDefinition(SuppliesSql.Find, new { Id = id }, cancellationToken: ct));
        if (item is null) return false;
        Item = item;
        Next = ShipmentFlow.ByHand(item.Status);
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
