using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>Reads only the header row of a stored roster, with the import's current column mapping.</summary>
public static class RosterHeaderPeek
{
    /// <returns>The header, or null when the file cannot be decoded or is empty.</returns>
    public static async Task<RosterHeaderMap?> ReadAsync(DbConnection connection, RosterImport import, int currentYear, CancellationToken ct)
    {
        await using var file = RosterFileStore.OpenRead(connection, import.Id);
        try
        {
            await using var reader = await RosterReader.OpenAsync(file, new RosterReadOptions
            {
                CurrentYear = currentYear,
                Encoding = import.DetectedEncoding ?? import.RequestedEncoding,
                Mapping = StoredColumnMapping.FromJson(import.ColumnMapping),
            }, ct);
            return reader.Header.Columns.Count == 0 ? null : reader.Header;
        }
        catch (Exception unreadable) when (unreadable is RosterEncodingException or RosterLimitException)
        {
            return null;
        }
    }
}
