namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>How a column's field was decided.</summary>
public enum RosterColumnSource
{
    /// <summary>The header text is one of the known names.</summary>
    Automatic,
    /// <summary>The caller's mapping chose the field, or chose to ignore the column.</summary>
    Explicit,
    /// <summary>Nothing matched, or the field went to a column the caller chose for it.</summary>
    Unmapped,
    /// <summary>The header is empty, as in the trailing columns Excel sometimes writes.</summary>
    Blank,
}

/// <param name="Index">0-based.</param>
/// <param name="Header">The header text as written in the file.</param>
public sealed record RosterColumn(int Index, string Header, RosterField? Field, RosterColumnSource Source);

/// <summary>
/// Which column holds which field, worked out from the header row and the caller's mapping, with what stands in
/// the way of reading: required fields no column holds, and fields more than one column claims.
/// </summary>
public sealed class RosterHeaderMap
{
    private readonly int[] columnOfField;

    private RosterHeaderMap(IReadOnlyList<RosterColumn> columns)
    {
        Columns = columns;
        UnmappedColumns = [.. columns.Where(c => c.Source == RosterColumnSource.Unmapped)];
        var claims = columns.Where(c => c.Field is not null).ToLookup(c => c.Field!.Value);
        AmbiguousFields = [.. Enum.GetValues<RosterField>().Where(f => claims[f].Count() > 1)];
        MissingRequiredFields = [.. RosterFields.Required.Where(f => !claims.Contains(f))];
        columnOfField = [.. Enum.GetValues<RosterField>().Select(f => claims[f].Count() == 1 ? claims[f].Single().Index : -1)];
    }

    public IReadOnlyList<RosterColumn> Columns { get; }

    /// <summary>Columns with a header that no field was found for: the mapping step should offer them.</summary>
    public IReadOnlyList<RosterColumn> UnmappedColumns { get; }

    public IReadOnlyList<RosterField> MissingRequiredFields { get; }

    /// <summary>Fields that several columns claim (e.g. both 社員番号 and 従業員番号): the caller has to choose one.</summary>
    public IReadOnlyList<RosterField> AmbiguousFields { get; }

    /// <summary>Whether rows can be read: every required field has exactly one column and no field has two.</summary>
    public bool IsComplete => MissingRequiredFields.Count == 0 && AmbiguousFields.Count == 0;

    /// <summary>The 0-based index of the column holding the field, or null when no column (or more than one) does.</summary>
    public int? ColumnOf(RosterField field) => columnOfField[(int)field] is >= 0 and var index ? index : null;

    public static RosterHeaderMap Resolve(IReadOnlyList<string> headers, RosterColumnMapping mapping)
    {
        var columns = headers.Select((header, index) => Choose(index, header.Trim(), mapping)).ToList();
        var chosenExplicitly = columns.Where(c => c.Source == RosterColumnSource.Explicit && c.Field is not null)
            .Select(c => c.Field!.Value).ToHashSet();
        // A field the caller put on a column is taken from whichever column had it by its name.
        return new RosterHeaderMap([.. columns.Select(c =>
            c.Source == RosterColumnSource.Automatic && chosenExplicitly.Contains(c.Field!.Value)
                ? c with { Field = null, Source = RosterColumnSource.Unmapped }
                : c)]);
    }

    private static RosterColumn Choose(int index, string header, RosterColumnMapping mapping)
    {
        if (mapping.TryGetChoice(index, header, out var chosen)) return new(index, header, chosen, RosterColumnSource.Explicit);
        if (header.Length == 0) return new(index, header, null, RosterColumnSource.Blank);
        return RosterHeaderNames.Match(header) is { } field
            ? new(index, header, field, RosterColumnSource.Automatic)
            : new(index, header, null, RosterColumnSource.Unmapped);
    }
}
