namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// The Wilson score 95% interval of a proportion: unlike the textbook ± 1.96·SE it stays inside 0–1 and keeps its
/// coverage for small groups and for rates near 0 or 1, which client cohorts of a few dozen people often have.
/// </summary>
public sealed record WilsonInterval(double Lower, double Upper)
{
    private const double Z95 = 1.959963984540054;

    public static WilsonInterval For(int count, int total)
    {
        if (total <= 0) return new WilsonInterval(0, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, total);

        double n = total, p = count / n, z2 = Z95 * Z95;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new WilsonInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>A count out of a total, with its share and Wilson 95% interval.</summary>
public sealed record Rate(int Count, int Total)
{
    public double Share => Total == 0 ? 0 : (double)Count / Total;

    public WilsonInterval Interval => WilsonInterval.For(Count, Total);
}
