using System.Globalization;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Cohorts;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>The portfolio as a spreadsheet file: the rows as shown, each rate with its count, total and 95% interval.</summary>
public sealed class PortfolioCsv(IStringLocalizer<OutcomesText> text, IStringLocalizer<CohortsText> cohorts, IStringLocalizer<ClientsText> clients)
{
    private static readonly string[] ColumnKeys =
    [
        "Portfolio.Cohort", "Portfolio.Client", "Portfolio.Program", "Portfolio.Segment", "Portfolio.Start", "Portfolio.Status",
        "Portfolio.Seats", "Portfolio.Eligible", "Portfolio.Enrolled",
        "Portfolio.Participation", "Portfolio.ParticipationLower", "Portfolio.ParticipationUpper",
        "Portfolio.Itt", "Portfolio.IttLower", "Portfolio.IttUpper", "Portfolio.Succeeded",
        "Portfolio.Completion", "Portfolio.CompletionLower", "Portfolio.CompletionUpper", "Portfolio.Nps", "Portfolio.K",
    ];

    public async Task<byte[]> WriteAsync(IEnumerable<PortfolioRow> rows)
    {
        using var stream = new MemoryStream();
        await using (var csv = SpreadsheetCsv.Create(stream))
        {
            csv.WriteHeader([.. ColumnKeys.Select(key => text[key].Value)]);
            foreach (var row in rows) csv.WriteRecord(Fields(row));
        }

        return stream.ToArray();
    }

    private string[] Fields(PortfolioRow row) =>
    [
        row.CohortName, row.ClientName, $"{row.ProgramCode} v{row.VersionNumber}", clients[$"Segment.{row.Segment}"].Value,
        row.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cohorts[$"Status.{row.Status}"].Value,
        Number(row.Seats), Number(row.EligiblePopulation), Number(row.Enrolled),
        .. RateFields(row.Participation), .. RateFields(row.Itt), Number(row.Itt?.Count),
        .. RateFields(row.Completion), row.Nps?.ToString("0", CultureInfo.InvariantCulture) ?? "", Number(row.K),
    ];

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Share, lower and upper bound in percent; empty when hidden.</summary>
    private static string[] RateFields(Rate? rate) => rate is null
        ? ["", "", ""]
        : [Percent(rate.Share), Percent(rate.Interval.Lower), Percent(rate.Interval.Upper)];

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture);
}
