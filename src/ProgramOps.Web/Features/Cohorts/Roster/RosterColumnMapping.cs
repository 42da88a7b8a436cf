namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>
/// The choices made in the mapping step: columns, named by their 0-based index or by their header text,
/// given a field or ignored. They override the automatic matching of header names.
/// </summary>
public sealed class RosterColumnMapping
{
    private readonly Dictionary<int, RosterField?> byIndex = [];
    private readonly Dictionary<string, RosterField?> byHeader = new(StringComparer.Ordinal);

    public bool IsEmpty => byIndex.Count == 0 && byHeader.Count == 0;

    public RosterColumnMapping Map(int columnIndex, RosterField field) => SetIndex(columnIndex, field);

    public RosterColumnMapping Map(string header, RosterField field) => SetHeader(header, field);

    public RosterColumnMapping Ignore(int columnIndex) => SetIndex(columnIndex, null);

    public RosterColumnMapping Ignore(string header) => SetHeader(header, null);

    /// <summary>Whether a choice was made for the column; the index wins over the header text.</summary>
    public bool TryGetChoice(int columnIndex, string header, out RosterField? field) =>
        byIndex.TryGetValue(columnIndex, out field) || byHeader.TryGetValue(RosterHeaderNames.Key(header), out field);

    private RosterColumnMapping SetIndex(int columnIndex, RosterField? field)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columnIndex);
        byIndex[columnIndex] = field;
        return this;
    }

    private RosterColumnMapping SetHeader(string header, RosterField? field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        byHeader[RosterHeaderNames.Key(header)] = field;
        return this;
    }
}
