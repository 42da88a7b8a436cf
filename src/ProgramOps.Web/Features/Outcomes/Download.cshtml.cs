using System.Globalization;
using System.Text;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// A document of an issued version, exactly as it was issued; audited. The PDF is printed from the stored HTML on its
/// first download and kept, so later downloads are the same file.
/// </summary>
public sealed class DownloadModel(Db db, PdfPrinter pdf, AuditTrail audit, IStringLocalizer<OutcomesText> text) : PageModel
{
    private sealed class Document
    {
        public int Id { get; init; }
        public int VersionNumber { get; init; }
        public string Language { get; init; } = "";
        public string Html { get; init; } = "";
        public byte[] Workbook { get; init; } = [];
        public string Csv { get; init; } = "";
        public byte[]? Pdf { get; init; }
    }

    public async Task<IActionResult> OnGetAsync(int cohortId, int clientId, int number, string format, CancellationToken ct)
    {
        if (!Enum.TryParse<ReportDownload>(format, ignoreCase: true, out var download)) return NotFound();
        Document? document;
        await using (var c = await db.OpenAsync(ct))
        {
            document = await c.QuerySingleOrDefaultAsync<Document>(new CommandDefinition(OutcomesSql.VersionDocument,
                new { CohortId = cohortId, ClientId = clientId, VersionNumber = number }, cancellationToken: ct));
        }

        if (document is null) return NotFound();
        var pdfBytes = document.Pdf;
        if (download == ReportDownload.Pdf && pdfBytes is null)
        {
            pdfBytes = await pdf.PrintAsync(document.Html, ct);
            if (pdfBytes is null)
            {
                TempData["Refusal"] = text["Page.NoChromium", PdfPrinter.InstallCommand].Value;
                return RedirectToPage("/Outcomes/Index", new { cohortId, clientId });
            }
        }

        await db.InTransactionAsync(async (c, t) =>
        {
            if (download == ReportDownload.Pdf && document.Pdf is null)
                await c.ExecuteAsync(new CommandDefinition(OutcomesSql.StorePdf, new { document.Id, Pdf = pdfBytes }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(CultureInfo.InvariantCulture), "ReportDownloaded",
                $"client #{clientId} v{number} {download}"));
        }, ct);

        var name = $"outcome-report-{cohortId}-{clientId}-v{number}";
        return download switch
        {
            ReportDownload.Pdf => File(pdfBytes!, "application/pdf", name + ".pdf"),
            ReportDownload.Xlsx => File(document.Workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            ReportDownload.Csv => File(Encoding.UTF8.GetBytes(document.Csv), "text/csv; charset=utf-8", name + ".csv"),
            _ => Content(document.Html, "text/html; charset=utf-8"),
        };
    }
}
