namespace ProgramOps.Web.Features.Outcomes;

/// <summary>A document of an issued version, exactly as it was issued; audited (<see cref="IssuedReportDocuments"/>).</summary>
public sealed class DownloadModel(IssuedReportDocuments documents, IStringLocalizer<OutcomesText> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int cohortId, int clientId, int number, string format, CancellationToken ct)
    {
        if (!Enum.TryParse<ReportDownload>(format, ignoreCase: true, out var download)) return NotFound();
        var (document, noPrinter) = await documents.OpenAsync(cohortId, clientId, number, download, ct);
        if (noPrinter)
        {
            TempData["Refusal"] = text["Page.NoChromium", PdfPrinter.InstallCommand].Value;
            return RedirectToPage("/Outcomes/Index", new { cohortId, clientId });
        }

        if (document is null) return NotFound();
        // The HTML is shown in the browser, the other documents downloaded.
        return download == ReportDownload.Html
            ? Content(System.Text.Encoding.UTF8.GetString(document.Content), document.ContentType)
            : File(document.Content, document.ContentType, document.FileName);
    }
}
