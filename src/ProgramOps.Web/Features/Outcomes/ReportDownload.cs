namespace ProgramOps.Web.Features.Outcomes;

/// <summary>The documents of an issued version.</summary>
public enum ReportDownload
{
    Pdf,
    Xlsx,
    Csv,
    Html,
}
