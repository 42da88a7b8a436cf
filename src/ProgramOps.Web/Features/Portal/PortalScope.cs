using System.Globalization;
using System.Security.Claims;

namespace ProgramOps.Web.Features.Portal;

/// <summary>A client the signed-in client user may see: their own, or a member employer of their health-insurance society.</summary>
public sealed class VisibleClient
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
}

/// <summary>A cohort a visible client takes part in, with that client's seats (reporting read model only).</summary>
public sealed class PortalCohort
{
    public int CohortId { get; init; }
    public string CohortName { get; init; } = "";
    public string Status { get; init; } = "";
    public DateOnly StartDate { get; init; }
    public DateOnly EnrolmentOpens { get; init; }
    public DateOnly EnrolmentCloses { get; init; }
    public int ClientId { get; init; }
    public int Seats { get; init; }

    /// <summary>The program has ended for everyone (the program clock completed the cohort).</summary>
    public bool IsOver => Status is "Completed" or "Reported";

    /// <summary>Days left to enrol, counting today; null outside the window.</summary>
    public int? EnrolmentDaysLeft(DateOnly today) =>
        today >= EnrolmentOpens && today <= EnrolmentCloses ? EnrolmentCloses.DayNumber - today.DayNumber + 1 : null;
}

/// <summary>
/// Everything a portal page reads is scoped here, by the session's client claim (plus a health-insurance society's member
/// employers): a cohort, client or report outside it is "not found", exactly as one that does not exist.
/// </summary>
public sealed class PortalScope(Db db, IHttpContextAccessor http)
{
    public int ClientId => int.Parse(http.HttpContext!.User.FindFirstValue(ClaimNames.ClientId)!, CultureInfo.InvariantCulture);

    private int UserId => int.Parse(http.HttpContext!.User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);

    /// <summary>Whether staff allow this user the invitation letters of their own organisation's cohorts.</summary>
    public async Task<bool> MayHoldCodesAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.ExecuteScalarAsync<bool?>(new CommandDefinition(PortalSql.MayHoldCodes, new { Id = UserId }, cancellationToken: ct)) == true;
    }

    public async Task<IReadOnlyList<VisibleClient>> ClientsAsync(CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<VisibleClient>(new CommandDefinition(PortalSql.VisibleClients, new { ClientId }, cancellationToken: ct))];
    }

    /// <summary>Each (cohort, visible client) pair, newest cohort first.</summary>
    public async Task<IReadOnlyList<PortalCohort>> CohortsAsync(IReadOnlyList<VisibleClient> clients, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return [.. await c.QueryAsync<PortalCohort>(new CommandDefinition(PortalSql.CohortsOfClients,
            new { ClientIds = clients.Select(v => v.Id).ToArray() }, cancellationToken: ct))];
    }
}
