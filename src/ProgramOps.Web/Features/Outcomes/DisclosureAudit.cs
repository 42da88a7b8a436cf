namespace ProgramOps.Web.Features.Outcomes;

/// <summary>A group of 1 to k − 1 people that the shown figures let a reader work out.</summary>
/// <param name="Figure">The hidden figure that can be worked out, or null when it is the hidden parts of <paramref name="Relation"/> together.</param>
public sealed record Disclosure(string? Figure, SumRelation? Relation, int People);

/// <summary>
/// What a reader can work out from the shown figures and how they add up: every hidden figure fixed by the linear
/// system the relations make (found by Gauss–Jordan elimination over the hidden figures), and every relation whose
/// hidden parts together come to a known small number.
/// </summary>
public static class DisclosureAudit
{
    private const double Tolerance = 1e-9;

    public static IReadOnlyList<Disclosure> Find(FigureSet figures, IReadOnlySet<string> hidden, int k)
    {
        var disclosures = new List<Disclosure>();
        foreach (var relation in figures.Relations.Where(r => !hidden.Contains(r.Total)))
        {
            var hiddenParts = relation.Parts.Where(hidden.Contains).ToList();
            if (hiddenParts.Count < 2) continue;
            var together = hiddenParts.Sum(figures.Value);
            if (IsSmall(together, k)) disclosures.Add(new Disclosure(null, relation, together));
        }

        foreach (var figure in Determined(figures, hidden))
        {
            var people = figures.Value(figure);
            if (IsSmall(people, k)) disclosures.Add(new Disclosure(figure, null, people));
        }

        return disclosures;
    }

    private static bool IsSmall(int people, int k) => people > 0 && people < k;

    /// <summary>Hidden figures whose value follows from the shown ones through the relations.</summary>
    private static IEnumerable<string> Determined(FigureSet figures, IReadOnlySet<string> hidden)
    {
        var columns = figures.Relations.SelectMany(r => r.Parts.Append(r.Total)).Where(hidden.Contains).Distinct().ToList();
        if (columns.Count == 0) yield break;
        var index = columns.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);

        var rows = new List<double[]>();
        foreach (var relation in figures.Relations)
        {
            var row = new double[columns.Count];
            var any = false;
            if (hidden.Contains(relation.Total)) { row[index[relation.Total]] += 1; any = true; }
            foreach (var part in relation.Parts.Where(hidden.Contains)) { row[index[part]] -= 1; any = true; }
            if (any) rows.Add(row);
        }

        var pivotRow = 0;
        for (var col = 0; col < columns.Count && pivotRow < rows.Count; col++)
        {
            var best = Enumerable.Range(pivotRow, rows.Count - pivotRow).MaxBy(r => Math.Abs(rows[r][col]));
            if (Math.Abs(rows[best][col]) < Tolerance) continue;
            (rows[pivotRow], rows[best]) = (rows[best], rows[pivotRow]);
            var pivot = rows[pivotRow][col];
            for (var c = 0; c < columns.Count; c++) rows[pivotRow][c] /= pivot;
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == pivotRow || Math.Abs(rows[r][col]) < Tolerance) continue;
                var factor = rows[r][col];
                for (var c = 0; c < columns.Count; c++) rows[r][c] -= factor * rows[pivotRow][c];
            }

            pivotRow++;
        }

        foreach (var row in rows)
        {
            var nonZero = Enumerable.Range(0, columns.Count).Where(c => Math.Abs(row[c]) >= Tolerance).Take(2).ToList();
            if (nonZero.Count == 1) yield return columns[nonZero[0]];
        }
    }
}
