namespace ProgramOps.Web.Features.Clients;

/// <summary>
/// A client's CS styles (it may use several, e.g. β with γ) as Clients.CsStyles stores them: one bit per style, so the
/// set is saved with the client's row under its version and a filter is one test of the column.
/// </summary>
public static class CsStyleSet
{
    public const int All = (1 << 4) - 1;

    public static int Bit(CsStyle style) => 1 << (int)style;

    public static int ToMask(IEnumerable<CsStyle> styles) => styles.Aggregate(0, (mask, style) => mask | Bit(style));

    public static IReadOnlyList<CsStyle> FromMask(int mask) => Enum.GetValues<CsStyle>().Where(style => (mask & Bit(style)) != 0).ToList();
}
