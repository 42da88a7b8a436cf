using System.Globalization;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>A client's k and ROI cost inputs, for all its reports; optimistic concurrency, audited.</summary>
[Authorize(Policy = Policies.PreviewReports)]
public sealed class SettingsModel(Db db, AuditTrail audit, ICurrentUser user, TimeProvider time, IStringLocalizer<OutcomesText> text) : PageModel
{
    public ReportHeader Header { get; private set; } = default!;
    [BindProperty] public ReportSettings Input { get; set; } = new();
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int cohortId, int clientId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        if (await ReportHeader.FindAsync(c, cohortId, clientId, ct) is not { } header) return NotFound();
        Header = header;
        Input = await OutcomeReports.SettingsAsync(c, clientId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int cohortId, int clientId, CancellationToken ct)
    {
        ReportSettings before;
        await using (var c = await db.OpenAsync(ct))
        {
            if (await ReportHeader.FindAsync(c, cohortId, clientId, ct) is not { } header) return NotFound();
            Header = header;
            before = await OutcomeReports.SettingsAsync(c, clientId, ct);
        }

        ModelState.AddFailures(await new ReportSettingsValidator(text).ValidateAsync(Input, ct), nameof(Input));
        if (!ModelState.IsValid) return Page();

        var saved = await db.InTransactionAsync(async (c, t) =>
        {
            var parameters = new
            {
                ClientId = clientId, Input.K, Input.MedicalCostPerSmokerYearJpy, Input.LostProductivityPerSmokerYearJpy, Input.Version,
                Now = time.GetUtcNow(), Actor = user.UserName,
            };
            var written = Input.Version == 0 && before.Version == 0
                ? await c.ExecuteAsync(OutcomesSql.InsertSettings, parameters, t)
                : await c.ExecuteAsync(OutcomesSql.UpdateSettings, parameters, t);
            if (written == 0) return false;
            await audit.RecordAsync(c, t, new AuditEntry("Client", clientId.ToString(CultureInfo.InvariantCulture), "ReportSettingsSaved",
                CodedText.Encode(AuditSummaries.ReportSettingsSaved, Input.K), ChangeSet.Between(before.Version == 0 ? null : before, Input)));
            return true;
        }, ct);

        if (!saved)
        {
            Conflict = true;
            return Page();
        }

        TempData["Flash"] = text["Settings.Saved"].Value;
        return RedirectToPage("/Outcomes/Index", new { cohortId, clientId });
    }
}
