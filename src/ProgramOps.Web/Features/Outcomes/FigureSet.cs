namespace ProgramOps.Web.Features.Outcomes;

/// <summary>Figures that add up: <see cref="Total"/> counts exactly the people of <see cref="Parts"/>, who are disjoint.</summary>
public sealed record SumRelation(string Total, IReadOnlyList<string> Parts);

/// <summary>
/// Every count of people a report states, with how those counts add up. Groups the report never prints but that its
/// figures add up to (the people between two funnel steps, those who did not check in) are tracked too: a reader can
/// work them out by subtraction, so they need the same protection as printed figures.
/// </summary>
public sealed class FigureSet
{
    private readonly Dictionary<string, int> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _printed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _headline = new(StringComparer.Ordinal);
    private readonly List<SumRelation> _relations = [];

    public IReadOnlyDictionary<string, int> Values => _values;
    public IReadOnlySet<string> Printed => _printed;

    /// <summary>Figures the report is read for (enrolled, successes…): hidden to protect another only when nothing else will do.</summary>
    public IReadOnlySet<string> Headline => _headline;
    public IReadOnlyList<SumRelation> Relations => _relations;

    /// <summary>A count the report prints (unless suppression hides it).</summary>
    public FigureSet Print(string name, int value, bool headline = false)
    {
        Add(name, value);
        _printed.Add(name);
        if (headline) _headline.Add(name);
        return this;
    }

    /// <summary>A group the report never prints but that can be worked out from the printed figures.</summary>
    public FigureSet Track(string name, int value)
    {
        Add(name, value);
        return this;
    }

    public FigureSet Relate(string total, params string[] parts)
    {
        var sum = parts.Sum(p => Value(p));
        if (sum != Value(total)) throw new InvalidOperationException($"{total} = {Value(total)} is not the sum of {string.Join(" + ", parts)} = {sum}.");
        _relations.Add(new SumRelation(total, parts));
        return this;
    }

    public int Value(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No figure named {name}.");

    private void Add(string name, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        if (!_values.TryAdd(name, value)) throw new InvalidOperationException($"The figure {name} is already in the set.");
    }
}
