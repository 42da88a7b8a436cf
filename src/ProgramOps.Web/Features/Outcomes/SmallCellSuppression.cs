namespace ProgramOps.Web.Features.Outcomes;

public enum SuppressionReason
{
    /// <summary>The figure counts 1 to k − 1 people.</summary>
    FewerThanK,
    /// <summary>The figure is large enough, but with it shown a suppressed figure could be worked out.</summary>
    Complementary,
}

/// <summary>Which printed figures a report may show, and why each hidden one is hidden.</summary>
public sealed class SuppressedFigures(FigureSet figures, IReadOnlyDictionary<string, SuppressionReason> hidden, int k)
{
    public int K { get; } = k;
    public FigureSet Figures { get; } = figures;
    public IReadOnlyDictionary<string, SuppressionReason> Hidden { get; } = hidden;

    public bool IsShown(string figure) => Figures.Printed.Contains(figure) && !Hidden.ContainsKey(figure);

    /// <summary>The value when shown, else null.</summary>
    public int? Shown(string figure) => IsShown(figure) ? Figures.Value(figure) : null;

    /// <summary>A rate may be shown only when both of its counts are: otherwise it gives the hidden one away.</summary>
    public Rate? ShownRate(string count, string total) =>
        IsShown(count) && IsShown(total) ? new Rate(Figures.Value(count), Figures.Value(total)) : null;
}

/// <summary>
/// Small-cell suppression: a printed figure counting 1 to k − 1 people is hidden (0 is shown: it is nobody), and then,
/// as long as the shown figures still let a reader work out a group of 1 to k − 1 people (<see cref="DisclosureAudit"/>),
/// one more figure is hidden — the smallest shown figure of the relations that give it away, headline figures last
/// (complementary suppression). Each round hides one more figure, so it ends.
/// </summary>
public static class SmallCellSuppression
{
    public static SuppressedFigures Apply(FigureSet figures, int k)
    {
        SuppressionThreshold.Check(k);
        var reasons = new Dictionary<string, SuppressionReason>(StringComparer.Ordinal);
        foreach (var name in figures.Printed.Where(n => figures.Value(n) > 0 && figures.Value(n) < k)) reasons[name] = SuppressionReason.FewerThanK;
        var hidden = new HashSet<string>(figures.Values.Keys.Where(n => !figures.Printed.Contains(n) || reasons.ContainsKey(n)), StringComparer.Ordinal);

        while (DisclosureAudit.Find(figures, hidden, k) is [var disclosure, ..])
        {
            var next = Complement(figures, hidden, disclosure)
                ?? throw new InvalidOperationException($"Nothing left to hide to protect {disclosure.Figure ?? disclosure.Relation?.Total}.");
            hidden.Add(next);
            reasons[next] = SuppressionReason.Complementary;
        }

        return new SuppressedFigures(figures, reasons, k);
    }

    /// <summary>
    /// The figure to hide next: the smallest shown figure (a non-empty part or a total, headline figures last) of the
    /// relations that give the group away; when those have nothing shown left, of the relations their hidden figures
    /// lead to, nearest first.
    /// </summary>
    private static string? Complement(FigureSet figures, HashSet<string> hidden, Disclosure disclosure)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<SumRelation> relations = disclosure.Relation is { } relation
            ? [relation]
            : figures.Relations.Where(r => r.Total == disclosure.Figure || r.Parts.Contains(disclosure.Figure!)).ToList();
        var visited = new HashSet<SumRelation>(relations);
        while (relations.Count > 0)
        {
            // An empty part hidden protects nothing while anything else is left, so it goes last.
            var choice = relations.SelectMany(r => r.Parts.Append(r.Total)).Where(f => !hidden.Contains(f)).Distinct()
                .OrderBy(f => figures.Value(f) == 0).ThenBy(f => figures.Headline.Contains(f)).ThenBy(figures.Value).FirstOrDefault();
            if (choice is not null) return choice;

            reached.UnionWith(relations.SelectMany(r => r.Parts.Append(r.Total)));
            relations = figures.Relations.Where(r => !visited.Contains(r) && r.Parts.Append(r.Total).Any(reached.Contains)).ToList();
            visited.UnionWith(relations);
        }

        return null;
    }
}

/// <summary>The smallest group a report may show: set per client, 5 unless changed, never below 3.</summary>
public static class SuppressionThreshold
{
    public const int Default = 5;
    public const int Minimum = 3;

    public static void Check(int k)
    {
        if (k < Minimum) throw new ArgumentOutOfRangeException(nameof(k), k, $"k is never below {Minimum}.");
    }
}
