using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.Web.Features.Cohorts.Imports;

/// <summary>
/// The people a previewed import would enrol, a page at a time, read from the stored file with the same pass the
/// commit makes: nothing is stored for it, and reading stops once the page is full.
/// </summary>
public static class RosterPreviewPeople
{
    public static async Task<PageOf<ValidRosterRecord>> PageAsync(
        Db db, RosterImport import, ImportCohort cohort, int currentYear, int page, int pageSize, CancellationToken ct)
    {
        var skip = (long)(Paging.Normalize(page) - 1) * pageSize;
        var people = new List<ValidRosterRecord>(pageSize);
        if (skip >= import.RowsValid) return new PageOf<ValidRosterRecord>(people, page, pageSize, import.RowsValid);
        await using var connection = await db.OpenAsync(ct);
        var (pass, _) = await RosterPass.OpenAsync(connection, import, cohort, currentYear, ct);
        if (pass is null) return new PageOf<ValidRosterRecord>(people, page, pageSize, import.RowsValid);
        await using (pass)
        {
            try
            {
                var admitted = 0L;
                await foreach (var record in pass.RowsAsync(ct))
                {
                    if (record is not ValidRosterRecord person || admitted++ < skip) continue;
                    people.Add(person);
                    if (people.Count == pageSize) break;
                }
            }
            catch (Exception unreadable) when (RosterPass.Failure(unreadable) is not null)
            {
                // The preview already failed on it; the page shows what was read.
            }
        }

        return new PageOf<ValidRosterRecord>(people, page, pageSize, import.RowsValid);
    }
}
