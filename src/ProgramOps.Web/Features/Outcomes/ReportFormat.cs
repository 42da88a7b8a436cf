using System.Globalization;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>How the report writes its numbers, in the reader's culture.</summary>
public static class ReportFormat
{
    public const string Hidden = "—";

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.CurrentCulture) + "%";

    public static string Interval(WilsonInterval interval) =>
        $"{(interval.Lower * 100).ToString("0.0", CultureInfo.CurrentCulture)}–{(interval.Upper * 100).ToString("0.0", CultureInfo.CurrentCulture)}%";

    public static string Count(int? count) => count is { } n ? n.ToString("N0", CultureInfo.CurrentCulture) : Hidden;

    public static string Yen(long amount) => "¥" + amount.ToString("N0", CultureInfo.InvariantCulture);

    public static string Signed(double value) => value.ToString("+0;−0;0", CultureInfo.CurrentCulture);
}
