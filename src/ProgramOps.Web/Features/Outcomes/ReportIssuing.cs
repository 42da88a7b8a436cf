using System.Globalization;
using System.Text.Json;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Outcomes;

public enum ReportKind
{
    /// <summary>A mid-program report (week 4 or 8 is common).</summary>
    Interim,
    /// <summary>The report on the whole program; the cohort is Reported once every client has one.</summary>
    Final,
}

/// <summary>What issuing came to: the new version's number, or why nothing was issued (a resource key and its values).</summary>
public sealed record IssueOutcome(int? VersionNumber, string? Refusal = null, object[]? Values = null)
{
    public static IssueOutcome Refused(string refusal, params object[] values) => new(null, refusal, values);
}

/// <summary>
/// Issues a client's report: draws it, renders it in the chosen language, and stores the shown figures, the HTML, the
/// workbook and the CSV as the next numbered version, with who issued it, when and for which key persons, and the
/// population it counted — all in one transaction with its audit entry, after the differencing guard. The PDF is
/// printed from the stored HTML on its first download and kept (so issuing never waits for, or fails on, chromium).
/// </summary>
public sealed class ReportIssuing(
    Db db, OutcomeReports reports, ReportRenderer renderer, AuditTrail audit, ICurrentUser user, LocalClock clock,
    IStringLocalizer<OutcomesText> text)
{
    public static readonly IReadOnlyList<string> Languages = ["ja", "en"];

    private sealed class IssuedPopulation
    {
        public int VersionNumber { get; init; }
        public int Population { get; init; }
        public int Shared { get; init; }
    }

    private sealed class KeyPerson
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public string? Title { get; init; }
    }

    public async Task<IssueOutcome?> IssueAsync(int cohortId, int clientId, ReportKind kind, string language, IReadOnlyCollection<int> recipientIds, CancellationToken ct)
    {
        var report = await reports.DrawAsync(cohortId, clientId, ct);
        if (report is null) return null;
        if (report.Scope == ReportScopeKind.Withheld) return IssueOutcome.Refused("Issue.Withheld", report.K);
        if (kind == ReportKind.Final && !report.ProgramOver) return IssueOutcome.Refused("Issue.NotOver");
        if (!Languages.Contains(language)) return IssueOutcome.Refused("Issue.Language");

        List<KeyPerson> recipients;
        await using (var c = await db.OpenAsync(ct))
        {
            recipients = [.. (await c.QueryAsync<KeyPerson>(new CommandDefinition(OutcomesSql.KeyPersons, new { ClientId = clientId }, cancellationToken: ct)))
                .Where(p => recipientIds.Contains(p.Id))];
        }

        if (recipients.Count == 0) return IssueOutcome.Refused("Issue.NoRecipients");

        // The stored documents are in the report's language, whatever the issuer's screen is in.
        var culture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        var expectedNumber = await NextNumberAsync(cohortId, clientId, ct);
        var html = await renderer.RenderAsync(report, culture, draft: false, expectedNumber);
        var tables = ReportTables.Build(report, text);
        var workbook = ReportFiles.Workbook(tables);
        var csv = ReportFiles.Csv(tables);
        int? scopeClient = report.Scope == ReportScopeKind.ClientSlice ? clientId : null;

        return await db.InTransactionAsync(async (c, t) =>
        {
            var number = await c.ExecuteScalarAsync<int>(new CommandDefinition(OutcomesSql.NextVersionNumber, new { CohortId = cohortId, ClientId = clientId }, t, cancellationToken: ct));
            if (number != expectedNumber) return IssueOutcome.Refused("Issue.Concurrent");
            var scope = new { CohortIds = new[] { cohortId }, ClientId = scopeClient, ReportClientId = clientId };
            var population = await c.ExecuteScalarAsync<int>(new CommandDefinition(OutcomesSql.PopulationSize, scope, t, cancellationToken: ct));
            var issued = await c.QueryAsync<IssuedPopulation>(new CommandDefinition(OutcomesSql.IssuedPopulations, scope, t, cancellationToken: ct));
            if (DifferencingGuard.Check(population, issued.Select(i => (i.VersionNumber, i.Population, i.Shared)), report.K) is { } conflict)
                return IssueOutcome.Refused("Issue.Differencing", conflict.IssuedVersionNumber, conflict.PeopleDiffering, report.K);

            var versionId = await c.ExecuteScalarAsync<int>(new CommandDefinition(OutcomesSql.InsertVersion + db.Dialect.SelectNewId, new
            {
                CohortId = cohortId, ClientId = clientId, VersionNumber = number, Kind = kind.ToString(), Language = language, report.K,
                PopulationSize = population, Recipients = JsonSerializer.Serialize(recipients.Select(r => new { r.Id, r.Name, r.Title })),
                Figures = FrozenFigures(report, kind), Html = html, Workbook = workbook, Csv = System.Text.Encoding.UTF8.GetString(csv),
                Now = clock.UtcNow, UserId = user.Id, Actor = user.UserName,
            }, t, cancellationToken: ct));
            await c.ExecuteAsync(new CommandDefinition(OutcomesSql.InsertPopulation, new { VersionId = versionId, CohortIds = new[] { cohortId }, ClientId = scopeClient }, t, cancellationToken: ct));
            await ClientActivityLog.AppendAsync(c, t, db.Dialect, new ClientActivityEntry(clientId, ClientActivityKind.ReportIssued, clock.Today,
                $"{report.CohortName} v{number}", SystemKey: $"report:{versionId}", KeyPersonIds: [.. recipients.Select(r => r.Id)]), user.Id, user.UserName, clock.UtcNow, ct);
            await audit.RecordAsync(c, t, new AuditEntry("Cohort", cohortId.ToString(CultureInfo.InvariantCulture), "ReportIssued",
                CodedText.Encode(AuditSummaries.ReportIssued, report.ClientName, number, kind, language, string.Join(", ", recipients.Select(r => r.Name)))));
            return new IssueOutcome(number);
        }, ct);
    }

    private async Task<int> NextNumberAsync(int cohortId, int clientId, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<int>(new CommandDefinition(OutcomesSql.NextVersionNumber, new { CohortId = cohortId, ClientId = clientId }, cancellationToken: ct));
    }

    /// <summary>Only what the report shows is frozen: hidden figures are stored as null, never with their value.</summary>
    private static string FrozenFigures(ClientReport report, ReportKind kind) => JsonSerializer.Serialize(new
    {
        kind = kind.ToString(),
        scope = report.Scope.ToString(),
        k = report.K,
        drawnOn = report.DrawnOn,
        reportWeek = report.ReportWeek,
        figures = report.Figures?.Figures.Figures.Printed.Order(StringComparer.Ordinal).ToDictionary(f => f, f => report.Figures.Shown(f)),
        nps = report.Figures?.ShownNps,
        survival = report.Figures?.ShownSurvival,
    });
}
