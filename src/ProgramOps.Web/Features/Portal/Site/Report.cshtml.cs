using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Web.Features.Portal.Site;

/// <summary>An issued report of one of the client user's organisations, exactly as issued (PDF, Excel, CSV); audited.</summary>
public sealed class ReportModel(PortalScope scope, IssuedReportDocuments documents, IStringLocalizer<PortalText> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int cohortId, int clientId, int number, string format, CancellationToken ct)
    {
        if (!Enum.TryParse<ReportDownload>(format, ignoreCase: true, out var download) || download == ReportDownload.Html) return NotFound();
        var cohorts = await scope.CohortsAsync(await scope.ClientsAsync(ct), ct);
        if (!cohorts.Any(c => c.CohortId == cohortId && c.ClientId == clientId)) return NotFound();

        var (document, noPrinter) = await documents.OpenAsync(cohortId, clientId, number, download, ct);
        if (noPrinter)
        {
            TempData["Flash"] = text["Cohort.PdfUnavailable"].Value;
            return Redirect($"/portal/cohorts/{cohortId}");
        }

        return document is null ? NotFound() : File(document.Content, document.ContentType, document.FileName);
    }
}
