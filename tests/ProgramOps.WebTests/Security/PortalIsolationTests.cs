using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.WebTests.Portal;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Security.AuthorizationMatrixTests;

namespace ProgramOps.WebTests.Security;

/// <summary>
/// The client portal's access control, proved over the route table: every portal and staff route (from the endpoint
/// list, with client A's real ids in the URL) asked as anonymous, each staff role, a client user of A and a client user
/// of B. Expected: 0 successful cross-client reads (B gets "not found" for A's ids, and no page of B names A's data), 0
/// staff pages reachable by client users, 0 portal pages answered for staff sessions, and A's own portal pages work and
/// name no participant. A route without a rule in <see cref="AuthorizationMatrixTests.Expected"/> fails.
/// </summary>
public sealed partial class PortalIsolationTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private sealed record Client(OutcomeTestCohort.Built Cohort, string Name, string CohortName);

    private async Task<Client> ClientWithIssuedReportAsync(string tag, HttpClient bizDev)
    {
        var cohort = await OutcomeTestCohort.CreateAsync(factory.Db, tag, new DateOnly(2026, 6, 1));
        await PortalClients.IssueReportAsync(factory, bizDev, cohort);
        return new Client(cohort, $"{tag}健康保険組合", $"{tag}禁煙コホート");
    }

    [Fact]
    public async Task No_client_user_reads_another_clients_data_or_a_staff_page_and_no_staff_session_reads_the_portal()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var a = await ClientWithIssuedReportAsync("甲社", bizDev);
        var b = await ClientWithIssuedReportAsync("乙社", bizDev);
        // A may hold the invitation codes (staff allowed it), B may not.
        var userOfA = await PortalClients.AcceptAsync(factory, await PortalClients.InviteAsync(bizDev, a.Cohort.ClientId, "hr@kou.example.jp", mayHoldCodes: true));
        var userOfB = await PortalClients.SignedInAsync(factory, bizDev, b.Cohort.ClientId, "hr@otsu.example.jp");

        var cells = Discover(factory, template => Parameter().Replace(template, m => m.Groups[1].Value switch
        {
            "cohortId" => a.Cohort.CohortId.ToString(CultureInfo.InvariantCulture),
            "clientId" or "id" => a.Cohort.ClientId.ToString(CultureInfo.InvariantCulture),
            "format" => "csv",
            _ => "1",
        }));
        var unruled = cells.Where(c => !Expected.Any(e => Key(e.Verb, e.Route, e.Handler) == Key(c))).Select(Key).ToList();
        Assert.True(unruled.Count == 0, "Routes without a rule (add them to AuthorizationMatrixTests.Expected): " + string.Join(", ", unruled));

        // Signing out ends the session: those cells go last.
        var ordered = cells.OrderBy(c => c.Route.EndsWith("SignOut", StringComparison.Ordinal) || c.Route == "/Account/Logout").ThenBy(Key).ToList();
        var crossClient = new List<string>();
        var staffPagesForClients = new List<string>();
        var portalForStaff = new List<string>();
        var ownPagesBroken = new List<string>();
        var portalCells = 0;

        var visitors = new List<(string Name, HttpClient Client)> { ("anonymous", factory.NewClient()) };
        foreach (var role in Roles.All) visitors.Add((role, await factory.SignedInClientAsync(role)));
        foreach (var (name, staff) in visitors)
        {
            var token = await TokenAsync(staff, name == "anonymous" ? "/account/login" : "/account/changepassword");
            foreach (var cell in ordered.Where(c => Rule(c) == "portal"))
            {
                var (answer, status) = await AskAsync(staff, cell, token);
                if (answer != Answer.PortalSignIn) portalForStaff.Add($"{name} {Key(cell)} ({cell.Url}): {answer} ({status})");
            }
        }

        var tokenA = await TokenAsync(userOfA, "/portal");
        var tokenB = await TokenAsync(userOfB, "/portal");
        foreach (var cell in ordered)
        {
            var rule = Rule(cell);
            if (rule is "public" or "key") continue;
            if (rule != "portal")
            {
                foreach (var (name, client, token) in new[] { ("client user of A", userOfA, tokenA), ("client user of B", userOfB, tokenB) })
                {
                    var (answer, status) = await AskAsync(client, cell, token);
                    if (answer != Answer.SignIn) staffPagesForClients.Add($"{name} {Key(cell)} ({cell.Url}): {answer} ({status})");
                }

                continue;
            }

            portalCells++;
            var own = await SendAsync(userOfA, cell, tokenA);
            // A page of A's answers A (a download with nothing to print sends A back to the cohort page) and names nobody.
            var answered = own.Status == HttpStatusCode.OK || own.Status == HttpStatusCode.Redirect && own.Location.StartsWith("/portal/cohorts/", StringComparison.Ordinal);
            if (cell.Verb == "GET" && !cell.Route.EndsWith("SignOut", StringComparison.Ordinal) && (!answered || Personal().IsMatch(own.Body)))
                ownPagesBroken.Add($"{Key(cell)} ({cell.Url}): {(int)own.Status}{(Personal().IsMatch(own.Body) ? ", names a participant" : "")}");

            var other = await SendAsync(userOfB, cell, tokenB);
            var hasIds = cell.Url.Contains(a.Cohort.CohortId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if ((hasIds && other.Status != HttpStatusCode.NotFound && cell.Verb == "GET")
                || other.Body.Contains(a.Name, StringComparison.Ordinal) || other.Body.Contains(a.CohortName, StringComparison.Ordinal))
                crossClient.Add($"{Key(cell)} ({cell.Url}): {(int)other.Status}");
        }

        Assert.True(portalCells >= 4, $"Only {portalCells} portal routes were found.");
        Assert.True(crossClient.Count == 0, $"{crossClient.Count} cross-client reads:\n" + string.Join("\n", crossClient));
        Assert.True(staffPagesForClients.Count == 0, $"{staffPagesForClients.Count} staff routes answered a client user:\n" + string.Join("\n", staffPagesForClients));
        Assert.True(portalForStaff.Count == 0, $"{portalForStaff.Count} portal routes answered a staff session or anonymous:\n" + string.Join("\n", portalForStaff));
        Assert.True(ownPagesBroken.Count == 0, "Client A's own portal pages:\n" + string.Join("\n", ownPagesBroken));
    }

    private static string Rule(Cell cell) => Expected.Single(e => Key(e.Verb, e.Route, e.Handler) == Key(cell)).Allowed;

    private static async Task<string> TokenAsync(HttpClient client, string url) => ProgramOpsFactory.AntiforgeryToken(await client.GetStringAsync(url));

    private static async Task<(HttpStatusCode Status, string Body, string Location)> SendAsync(HttpClient client, Cell cell, string token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(cell.Verb), cell.Url);
        if (cell.Verb == "POST") request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString ?? "");
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Parameter();

    /// <summary>What would name a participant: the test roster's names, e-mails and invitation codes.</summary>
    [GeneratedRegex(@"参加者 \d|p\d+@example\.com|\b\d{12}\b")]
    private static partial Regex Personal();
}
