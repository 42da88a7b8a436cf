using System.Globalization;
using System.Text;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>A document of an issued version, ready to send: its bytes, media type and file name.</summary>
public sealed record IssuedDocument(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The documents of an issued version, exactly as issued, for staff (the Download page) and client users (the portal);
/// every download audited under whoever asked. The PDF is printed from the stored HTML on its first download and kept,
/// so later downloads are the same file.
/// </summary>
public sealed class IssuedReportDocuments(Db db, PdfPrinter pdf, AuditTrail audit)
{
    private sealed class Document
    {
        public int Id { get; init; }
        public string Html { get; init; } = "";
        public byte[] Workbook { get; init; } = [];
        public string Csv { get; init; } = "";
        public byte[]? Pdf { get; init; }
    }

    /// <summary>The document, or null when there is no such version (NoPrinter: the PDF cannot be printed on this machine).</summary>
    public async Task<(IssuedDocument? Document, bool NoPrinter)> OpenAsync(int cohortId, int clientId, int number, ReportDownload download, CancellationToken ct)
    {
        Document? document;
        await using (var c = await db.OpenAsync(ct))
        {
            document = await c.QuerySingleOrDefaultAsync<Document>(new CommandDefinition(OutcomesSql.VersionDocument,
                new { CohortId = cohortId, ClientId = clientId, VersionNumber = number }, cancellationToken: ct));
        }

        if (document is null) return (null, false);
        var pdfBytes = document.Pdf;
        if (download == ReportDownload.Pdf && pdfBytes is null)
        {
            pdfBytes = await pdf.PrintAsync(document.Html, ct);
            if (pdfBytes is null) return (null, true);
        }

        await db.InTransactionAsync(async (c, t) =>
        {
            if (download == ReportDownload.Pdf && document.Pdf is null)
                await c.ExecuteAsync(new CommandDefinition(OutcomesSql.StorePdf, new { document.Id, Pdf = pdfBytes }, t, cancellationToken: ct));
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(CultureInfo.InvariantCulture), "ReportDownloaded",
                CodedText.Encode(AuditSummaries.ReportDownloaded, clientId, number, download.ToString().ToUpperInvariant())));
        }, ct);

        var name = $"outcome-report-{cohortId}-{clientId}-v{number}";
        return (download switch
        {
            ReportDownload.Pdf => new IssuedDocument(pdfBytes!, "application/pdf", name + ".pdf"),
            ReportDownload.Xlsx => new IssuedDocument(document.Workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            ReportDownload.Csv => new IssuedDocument(Encoding.UTF8.GetBytes(document.Csv), "text/csv; charset=utf-8", name + ".csv"),
            _ => new IssuedDocument(Encoding.UTF8.GetBytes(document.Html), "text/html; charset=utf-8", name + ".html"),
        }, false);
    }
}
