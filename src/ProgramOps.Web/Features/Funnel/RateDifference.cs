using ProgramOps.Web.Features.Outcomes;

namespace ProgramOps.Web.Features.Funnel;

/// <summary>
/// The difference of two proportions (first minus second) with Newcombe's hybrid score 95% interval (Newcombe 1998,
/// method 10): built from each rate's Wilson interval, so it stays sensible for small groups and rates near 0 or 1, where
/// the textbook ± 1.96·SE interval does not. Null when either rate has no one to count.
/// </summary>
public sealed record RateDifference(double Difference, double Lower, double Upper)
{
    public static RateDifference? Between(Rate first, Rate second)
    {
        if (first.Total == 0 || second.Total == 0) return null;
        var (p1, p2) = (first.Share, second.Share);
        var (w1, w2) = (first.Interval, second.Interval);
        var difference = p1 - p2;
        var lower = difference - Math.Sqrt(Square(p1 - w1.Lower) + Square(w2.Upper - p2));
        var upper = difference + Math.Sqrt(Square(w1.Upper - p1) + Square(p2 - w2.Lower));
        return new RateDifference(difference, lower, upper);
    }

    /// <summary>The interval leaves out zero: the two rates differ at the 5 % level.</summary>
    public bool Excludes0 => Lower > 0 || Upper < 0;

    private static double Square(double x) => x * x;
}
