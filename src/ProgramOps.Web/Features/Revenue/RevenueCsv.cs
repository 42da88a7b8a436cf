using System.Globalization;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Revenue;

/// <summary>The Revenue page's figures, and the clients behind one of them, as spreadsheet files (amounts in whole yen).</summary>
public sealed class RevenueCsv(IStringLocalizer<RevenueText> text, IStringLocalizer<ClientsText> clients)
{
    private static readonly string[] FigureColumns =
    [
        "Column.Period", "Column.Group", "Column.OpeningClients", "Column.OpeningRevenue", "Column.KeptRevenue", "Column.ClosingRevenue",
        "Column.Grr", "Column.Nrr", "Column.LostClients", "Column.LogoChurn", "Column.LostRevenue", "Column.RevenueChurn",
        "Column.NewClients", "Column.NewRevenue",
    ];

    private static readonly string[] ClientColumns =
    [
        "Column.Period", "Column.Client", "Column.Segment", "Column.Kind", "Column.CsType", "Column.Opening", "Column.Closing",
        "Column.Movement", "Column.Current", "Column.Ltv",
    ];

    public Task<byte[]> FiguresAsync(IEnumerable<RevenueRow> rows) => WriteAsync(FigureColumns, rows.Select(r =>
    {
        var f = r.Figures;
        return new[]
        {
            PeriodName(r.Period), GroupName(r.Group), Number(f.OpeningClients), Yen(f.OpeningRevenue), Yen(f.KeptRevenue), Yen(f.ClosingRevenue),
            Percent(f.GrossRetention), Percent(f.NetRetention), Number(f.LostClients), Percent(f.LogoChurn), Yen(f.LostRevenue), Percent(f.RevenueChurn),
            Number(f.NewClients), Yen(f.NewRevenue),
        };
    }));

    public Task<byte[]> ClientsAsync(RevenuePeriod period, IEnumerable<RevenueClientLine> lines) => WriteAsync(ClientColumns, lines.Select(l => new[]
    {
        PeriodName(period), l.Client.Name, clients[$"Segment.{l.Client.Segment}"].Value, clients[$"Kind.{l.Client.Kind}"].Value,
        clients[$"CsType.{l.Client.CsType}"].Value, Yen(l.Movement.Opening), Yen(l.Movement.Closing), text[$"Movement.{l.Movement.Movement}"].Value,
        Yen(l.CurrentRevenue), l.Ltv is { } ltv ? Yen(ltv) : "",
    }));

    public string PeriodName(RevenuePeriod period) => period.Quarter is { } q
        ? text["Period.Quarter", period.FiscalYear, q].Value
        : text["Period.Year", period.FiscalYear].Value;

    public string GroupName(string? group) => group is null ? text["Group.All"].Value : clients[group].Value;

    private async Task<byte[]> WriteAsync(string[] columnKeys, IEnumerable<string[]> records)
    {
        using var stream = new MemoryStream();
        await using (var csv = SpreadsheetCsv.Create(stream))
        {
            csv.WriteHeader([.. columnKeys.Select(key => text[key].Value)]);
            foreach (var record in records) csv.WriteRecord(record);
        }

        return stream.ToArray();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Yen(decimal amount) => decimal.Round(amount, 0).ToString("0", CultureInfo.InvariantCulture);

    private static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) : "";
}
