using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Clients.Signals;

/// <summary>Admin sets the thresholds at which the client signals job opens actions.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ThresholdsModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<SignalsText> text) : PageModel
{
    public const string Entity = "SignalThresholds";

    [BindProperty] public SignalThresholdsInput Input { get; set; } = new();

    public ConcurrencyConflict? Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        Input = await ClientSignalThresholds.ReadAsync(connection, null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.AddFailures(await new SignalThresholdsValidator(text).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var before = await ClientSignalThresholds.ReadAsync(c, t, ct);
            var rows = await c.ExecuteAsync(ClientSignalsSql.UpdateThresholds, new
            {
                Input.HealthBelowEnterprise, Input.HealthBelowSmb, Input.SeatsNearlyUsedPercent, Input.UnderEnrolledBelowPercent,
                Input.ReportDueDaysAfterEnd, Input.Version, Now = time.GetUtcNow(), Actor = user.UserName,
            }, t);
            if (rows == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry(Entity, ClientSignalThresholds.Id.ToString(), "Updated",
                CodedText.Encode(AuditSummaries.SignalThresholdsSaved, Input.HealthBelowEnterprise, Input.HealthBelowSmb,
                    Input.SeatsNearlyUsedPercent, Input.UnderEnrolledBelowPercent, Input.ReportDueDaysAfterEnd),
                ChangeSet.Between(before.ToThresholds(), Input.ToThresholds())));
            return true;
        }, ct);

        if (!saved)
        {
            Conflict = await ConcurrencyConflict.FindAsync(db, ClientSignalsSql.ThresholdsLastChange, ClientSignalThresholds.Id, ct);
            return Page();
        }

        TempData["Flash"] = text["Thresholds.Saved"].Value;
        return RedirectToPage();
    }
}
