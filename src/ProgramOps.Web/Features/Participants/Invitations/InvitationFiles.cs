using System.Globalization;
using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Participants.Invitations;

/// <summary>What staff hand the client so employees can join: letters to print (PDF) and the codes for the client's own mail merge (CSV).</summary>
public sealed class InvitationFiles(StandaloneHtml html, PdfPrinter printer, IOptions<InvitationOptions> options)
{
    private static readonly string[] CodeColumns =
        ["employee_number", "name", "kana", "email", "department", "invitation_code", "expires_on", "program", "start_date", "cohort", "client"];

    private static readonly string[] ReminderColumns =
        ["employee_number", "name", "kana", "email", "invitation_code", "invited_on", "days_since_invited", "expires_on", "cohort", "client"];

    public bool CanPrint => printer.Available;

    public Task<string> LettersHtmlAsync(InvitingCohort cohort, IReadOnlyList<Invitee> invitees) =>
        html.RenderAsync<InvitationLetters>(new Dictionary<string, object?>
        {
            [nameof(InvitationLetters.Cohort)] = cohort,
            [nameof(InvitationLetters.Invitees)] = invitees,
            [nameof(InvitationLetters.AppName)] = options.Value.AppName,
            [nameof(InvitationLetters.AppUrl)] = options.Value.AppDownloadUrl,
        }, CultureInfo.GetCultureInfo("ja"));

    /// <returns>The PDF, or null when chromium is missing or failed.</returns>
    public async Task<byte[]?> LettersPdfAsync(InvitingCohort cohort, IReadOnlyList<Invitee> invitees, CancellationToken ct) =>
        await printer.PrintAsync(await LettersHtmlAsync(cohort, invitees), ct);

    public static byte[] CodesCsv(InvitingCohort cohort, IEnumerable<Invitee> invitees) => Csv(CodeColumns, invitees.Select(p => new[]
    {
        p.EmployeeNumber ?? "", p.FullName ?? "", p.Kana ?? "", p.Email ?? "", p.Department ?? "", InvitationCode.Format(p.InvitationCode),
        Day(cohort.InvitationExpiresOn), cohort.JapaneseProgramName, Day(cohort.StartDate), cohort.Name, p.ClientName,
    }));

    public static byte[] RemindersCsv(InvitingCohort cohort, IEnumerable<Invitee> invitees, Func<Invitee, DateOnly> invitedOn, DateOnly today) =>
        Csv(ReminderColumns, invitees.Select(p => new[]
        {
            p.EmployeeNumber ?? "", p.FullName ?? "", p.Kana ?? "", p.Email ?? "", InvitationCode.Format(p.InvitationCode), Day(invitedOn(p)),
            (today.DayNumber - invitedOn(p).DayNumber).ToString(CultureInfo.InvariantCulture), Day(cohort.InvitationExpiresOn), cohort.Name, p.ClientName,
        }));

    private static byte[] Csv(string[] columns, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = SpreadsheetCsv.Create(stream))
        {
            csv.WriteHeader(columns);
            foreach (var row in rows) csv.WriteRecord(row);
        }

        return stream.ToArray();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
