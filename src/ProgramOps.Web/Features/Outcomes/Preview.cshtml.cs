using System.Globalization;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>The draft report as it stands today, as the printable document, in the reader's language or <c>?lang=</c>; audited.</summary>
[Authorize(Policy = Policies.PreviewReports)]
public sealed class PreviewModel(Db db, OutcomeReports reports, ReportRenderer renderer, AuditTrail audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int cohortId, int clientId, string? lang, CancellationToken ct)
    {
        var report = await reports.DrawAsync(cohortId, clientId, ct);
        if (report is null) return NotFound();
        var culture = lang is not null && ReportIssuing.Languages.Contains(lang) ? CultureInfo.GetCultureInfo(lang) : CultureInfo.CurrentUICulture;

        await db.InTransactionAsync((c, t) => audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(CultureInfo.InvariantCulture), "ReportPreviewed",
            CodedText.Encode(AuditSummaries.ReportPreviewed, report.ClientName, culture.TwoLetterISOLanguageName))), ct);
        return Content(await renderer.RenderAsync(report, culture, draft: true, versionNumber: null), "text/html; charset=utf-8");
    }
}
