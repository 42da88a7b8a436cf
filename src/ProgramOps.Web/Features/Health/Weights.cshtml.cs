using ProgramOps.Web.Features.Clients;

namespace ProgramOps.Web.Features.Health;

/// <summary>Admins set each signal's weight per segment; optimistic concurrency, audited field by field.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class WeightsModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<HealthText> text) : PageModel
{
    [BindProperty] public HealthWeightsRow Input { get; set; } = new();

    public IReadOnlyList<HealthWeightsRow> Segments { get; private set; } = [];
    public ClientSegment? ConflictIn { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Segments = await ReadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Segments = await ReadAsync(ct);
        if (Segments.FirstOrDefault(s => s.Segment == Input.Segment) is not { } before) return BadRequest();
        ModelState.AddFailures(await new HealthWeightsValidator(text).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var written = await c.ExecuteAsync(AccountHealthSql.UpdateWeights, new
            {
                Segment = Input.Segment.ToString(), Input.Participation, Input.Enrolment, Input.Engagement, Input.Outcome, Input.Nps,
                Input.DecisionMaker, Input.LastTouch, Input.ClientRequests, Input.Renewal, Input.Version, Now = time.GetUtcNow(), Actor = user.UserName,
            }, t);
            if (written == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("HealthWeights", Input.Segment.ToString(), "HealthWeightsSaved", "",
                ChangeSet.Between(before with { Version = 0, UpdatedAt = default, UpdatedBy = "" }, Input with { Version = 0, UpdatedAt = default, UpdatedBy = "" })));
            return true;
        }, ct);

        if (!saved)
        {
            ConflictIn = Input.Segment;
            return Page();
        }

        TempData["Flash"] = text["Weights.Saved"].Value;
        return RedirectToPage();
    }

    private async Task<IReadOnlyList<HealthWeightsRow>> ReadAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. (await c.QueryAsync<HealthWeightsRow>(new CommandDefinition(AccountHealthSql.Weights, cancellationToken: ct))).OrderBy(s => s.Segment)];
    }
}

public sealed class HealthWeightsValidator : AbstractValidator<HealthWeightsRow>
{
    public HealthWeightsValidator(IStringLocalizer<HealthText> text)
    {
        foreach (var signal in Enum.GetValues<HealthSignal>())
        {
            RuleFor(w => w.BySignal()[signal]).InclusiveBetween(0, 100).OverridePropertyName(signal.ToString())
                .WithMessage(_ => text["Weights.Range", text[$"Signal.{signal}"]]);
        }

        RuleFor(w => w.BySignal().Values.Sum()).GreaterThan(0).OverridePropertyName(nameof(HealthSignal.Participation))
            .WithMessage(_ => text["Weights.AllZero"]);
    }
}
