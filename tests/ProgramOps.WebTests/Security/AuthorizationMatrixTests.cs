using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Account;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Security;

/// <summary>
/// Every page handler (GET and POST, named handlers included) and every other route, taken from the running
/// console's endpoint list, asked by an anonymous visitor, each role, and an administrator who has not yet
/// changed the first password; the answer each gets is in <see cref="Expected"/>, and a route without a row fails.
/// Record ids in the URLs do not exist: a refusal must come before the handler reads anything.
/// </summary>
public sealed partial class AuthorizationMatrixTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    /// <summary>
    /// Who gets through: letters of the roles (Admin, ProgramCS/CS, BizDev, Viewer), "public" (anonymous too), "key" (the
    /// API's signature) or "portal" (client users on the portal's own cookie, never staff: see PortalIsolationTests).
    /// </summary>
    internal static readonly IReadOnlyList<(string Verb, string Route, string Handler, string Allowed)> Expected =
    [
        ("GET", "/Account/AccessDenied", "", "public"),
        ("GET", "/Account/ChangePassword", "", "ACBV"),
        ("POST", "/Account/ChangePassword", "", "ACBV"),
        ("GET", "/Account/Language", "", "public"),
        ("POST", "/Account/Language", "", "public"),
        ("GET", "/Account/Login", "", "public"),
        ("POST", "/Account/Login", "", "public"),
        ("GET", "/Account/Logout", "", "ACBV"),
        ("POST", "/Account/Logout", "", "ACBV"),
        ("GET", "/Actions/Index", "", "ACBV"),
        ("POST", "/Actions/Index", "Take", "ACB"),
        ("POST", "/Actions/Index", "Snooze", "ACB"),
        ("POST", "/Actions/Index", "Complete", "ACB"),
        ("GET", "/Events/ApiKeys/Index", "", "A"),
        ("POST", "/Events/ApiKeys/Index", "Create", "A"),
        ("POST", "/Events/ApiKeys/Index", "Revoke", "A"),
        ("GET", "/Admin/Audit/Index", "", "A"),
        ("GET", "/Admin/ParticipantViews/Index", "", "A"),
        ("GET", "/Admin/Jobs/Index", "", "A"),
        ("POST", "/Admin/Jobs/Index", "Run", "A"),
        ("GET", "/Feedback/Rules/Index", "", "A"),
        ("GET", "/Outcomes/Index", "", "ACBV"),
        ("GET", "/Outcomes/Portfolio", "", "ACBV"),
        ("GET", "/Outcomes/Portfolio", "Export", "ACBV"),
        ("GET", "/Outcomes/Download", "", "ACBV"),
        ("GET", "/Outcomes/Preview", "", "ACB"),
        ("GET", "/Outcomes/Issue", "", "ACB"),
        ("POST", "/Outcomes/Issue", "", "ACB"),
        ("GET", "/Outcomes/Quotes", "", "ACB"),
        ("POST", "/Outcomes/Quotes", "Pick", "ACB"),
        ("POST", "/Outcomes/Quotes", "Remove", "ACB"),
        ("GET", "/Outcomes/Settings", "", "ACB"),
        ("GET", "/Outcomes/Versions", "", "ACB"),
        ("GET", "/Funnel/Index", "", "ACB"),
        ("GET", "/Funnel/People", "", "AC"),
        ("GET", "/Interviews/Index", "", "AC"),
        ("GET", "/Interviews/Draw", "", "AC"),
        ("POST", "/Interviews/Draw", "", "AC"),
        ("GET", "/Interviews/Details", "", "AC"),
        ("POST", "/Interviews/Details", "Step", "AC"),
        ("POST", "/Interviews/Details", "Notes", "AC"),
        ("POST", "/Interviews/Details", "Finding", "AC"),
        ("POST", "/Interviews/Details", "Send", "AC"),
        ("GET", "/Issues/Index", "", "AC"),
        ("GET", "/Issues/Create", "", "AC"),
        ("POST", "/Issues/Create", "", "AC"),
        ("GET", "/Issues/Edit", "", "AC"),
        ("POST", "/Issues/Edit", "", "AC"),
        ("GET", "/Issues/Details", "", "AC"),
        ("POST", "/Issues/Details", "Link", "AC"),
        ("POST", "/Issues/Details", "Unlink", "AC"),
        ("GET", "/Initiatives/Index", "", "ACBV"),
        ("GET", "/Initiatives/Details", "", "ACBV"),
        ("GET", "/Initiatives/Create", "", "AC"),
        ("POST", "/Initiatives/Create", "", "AC"),
        ("GET", "/Initiatives/Edit", "", "AC"),
        ("POST", "/Initiatives/Edit", "", "AC"),
        ("GET", "/Health/Index", "", "ACBV"),
        ("GET", "/Health/Client", "", "ACBV"),
        ("GET", "/Health/Weights", "", "A"),
        ("POST", "/Health/Weights", "", "A"),
        ("GET", "/Revenue/Index", "", "AB"),
        ("GET", "/Revenue/Index", "Export", "AB"),
        ("GET", "/Revenue/Index", "ExportClients", "AB"),
        ("POST", "/Outcomes/Settings", "", "ACB"),
        ("GET", "/Feedback/Rules/Edit", "", "A"),
        ("POST", "/Feedback/Rules/Edit", "", "A"),
        ("GET", "/Admin/Users/Index", "", "A"),
        ("GET", "/Admin/Users/Create", "", "A"),
        ("POST", "/Admin/Users/Create", "", "A"),
        ("GET", "/Admin/Users/Edit", "", "A"),
        ("POST", "/Admin/Users/Edit", "", "A"),
        ("POST", "/Admin/Users/Edit", "Disable", "A"),
        ("POST", "/Admin/Users/Edit", "Enable", "A"),
        ("POST", "/Admin/Users/Edit", "ResetPassword", "A"),
        ("POST", "/Admin/Users/Edit", "Unlock", "A"),
        ("GET", "/Clients/Index", "", "ACBV"),
        ("GET", "/Clients/Details", "", "ACBV"),
        ("POST", "/Clients/Details", "Archive", "ACB"),
        ("POST", "/Clients/Details", "Restore", "ACB"),
        ("GET", "/Clients/Create", "", "ACB"),
        ("POST", "/Clients/Create", "", "ACB"),
        ("GET", "/Clients/Edit", "", "ACB"),
        ("POST", "/Clients/Edit", "", "ACB"),
        ("GET", "/Clients/Delete", "", "ACB"),
        ("POST", "/Clients/Delete", "", "ACB"),
        ("GET", "/Clients/Contracts/Edit", "", "AB"),
        ("POST", "/Clients/Contracts/Edit", "", "AB"),
        ("POST", "/Clients/Contracts/Edit", "Delete", "AB"),
        ("GET", "/Clients/KeyPersons/Edit", "", "AB"),
        ("POST", "/Clients/KeyPersons/Edit", "", "AB"),
        ("POST", "/Clients/KeyPersons/Edit", "Delete", "AB"),
        ("GET", "/Clients/Contracts/Unassigned", "", "ACBV"),
        ("GET", "/Clients/Renewals/Pipeline", "", "ACBV"),
        ("GET", "/Clients/Plans/Edit", "", "ACB"),
        ("POST", "/Clients/Plans/Edit", "", "ACB"),
        ("POST", "/Clients/Renewals/Pipeline", "Stage", "AB"),
        ("GET", "/Clients/Activity/Record", "", "ACB"),
        ("POST", "/Clients/Activity/Record", "", "ACB"),
        ("GET", "/Clients/Activity/TouchSettings", "", "A"),
        ("POST", "/Clients/Activity/TouchSettings", "", "A"),
        ("GET", "/Clients/Signals/Thresholds", "", "A"),
        ("POST", "/Clients/Signals/Thresholds", "", "A"),
        ("GET", "/Clients/Playbooks/Index", "", "A"),
        ("GET", "/Clients/Playbooks/Task", "", "A"),
        ("POST", "/Clients/Playbooks/Task", "", "A"),
        ("POST", "/Clients/Playbooks/Task", "Delete", "A"),
        ("GET", "/Cohorts/Index", "", "ACBV"),
        ("GET", "/Cohorts/Details", "", "ACBV"),
        ("POST", "/Cohorts/Details", "Advance", "AC"),
        ("GET", "/Cohorts/Create", "", "AC"),
        ("POST", "/Cohorts/Create", "", "AC"),
        ("GET", "/Cohorts/Edit", "", "AC"),
        ("POST", "/Cohorts/Edit", "", "AC"),
        ("GET", "/Cohorts/Imports/Upload", "", "AC"),
        ("POST", "/Cohorts/Imports/Upload", "", "AC"),
        ("GET", "/Cohorts/Imports/Upload", "Template", "AC"),
        ("GET", "/Cohorts/Imports/Details", "", "AC"),
        ("GET", "/Cohorts/Imports/Details", "Problems", "AC"),
        ("POST", "/Cohorts/Imports/Details", "Commit", "AC"),
        ("POST", "/Cohorts/Imports/Details", "Discard", "AC"),
        ("GET", "/Cohorts/Imports/Columns", "", "AC"),
        ("POST", "/Cohorts/Imports/Columns", "", "AC"),
        ("GET", "/Error", "", "public"),
        ("GET", "/Feedback/Index", "", "ACBV"),
        ("GET", "/Feedback/Index", "Export", "ACBV"),
        ("GET", "/Feedback/Dashboard", "", "ACBV"),
        ("GET", "/Feedback/Create", "", "ACBV"),
        ("POST", "/Feedback/Create", "", "ACBV"),
        ("POST", "/Feedback/Create", "Create", "ACBV"),
        ("POST", "/Feedback/Create", "Merge", "ACBV"),
        ("GET", "/Feedback/Details", "", "ACBV"),
        ("POST", "/Feedback/Details", "Override", "ACB"),
        ("POST", "/Feedback/Details", "Status", "ACB"),
        ("POST", "/Feedback/Details", "Owner", "ACB"),
        ("GET", "/Index", "", "ACBV"),
        ("GET", "/Participants/Search", "", "ACBV"),
        ("GET", "/Participants/Index", "", "ACBV"),
        ("GET", "/Participants/Details", "", "ACBV"),
        ("POST", "/Participants/Details", "", "AC"),
        ("GET", "/Participants/Bulk", "", "AC"),
        ("GET", "/Participants/Invitations/Index", "", "AC"),
        ("POST", "/Participants/Invitations/Index", "Letters", "AC"),
        ("POST", "/Participants/Invitations/Index", "Codes", "AC"),
        ("POST", "/Participants/Invitations/Index", "Reminders", "AC"),
        ("POST", "/Participants/Bulk", "DryRun", "AC"),
        ("POST", "/Participants/Bulk", "Apply", "AC"),
        ("GET", "/Programs/Index", "", "ACBV"),
        ("GET", "/Programs/Details", "", "ACBV"),
        ("POST", "/Programs/Details", "NewVersion", "A"),
        ("POST", "/Programs/Details", "Retire", "A"),
        ("GET", "/Programs/Launch", "", "A"),
        ("POST", "/Programs/Launch", "", "A"),
        ("GET", "/Programs/EditVersion", "", "A"),
        ("POST", "/Programs/EditVersion", "Save", "A"),
        ("POST", "/Programs/EditVersion", "Publish", "A"),
        ("GET", "/Supplies/Index", "", "ACBV"),
        ("GET", "/Supplies/Shipment", "", "ACBV"),
        ("POST", "/Supplies/Shipment", "", "AC"),
        ("GET", "/Supplies/Export", "", "AC"),
        ("POST", "/Supplies/Export", "", "AC"),
        ("GET", "/Supplies/Exports", "", "AC"),
        ("GET", "/Supplies/Exports", "Csv", "AC"),
        ("GET", "/Supplies/Import", "", "AC"),
        ("POST", "/Supplies/Import", "", "AC"),
        ("GET", "/Teams/Index", "", "ACBV"),
        ("POST", "/Teams/Index", "Form", "AC"),
        ("GET", "/Teams/Team", "", "ACBV"),
        ("POST", "/Teams/Team", "Move", "AC"),
        ("GET", "/healthz", "", "public"),
        ("GET", "/openapi/{documentName}.json", "", "ACBV"),
        ("POST", "/api/v1/events", "", "key"),
        ("GET", "/api/v1/events", "", "public"),
        ("PUT", "/api/v1/events", "", "public"),
        ("PATCH", "/api/v1/events", "", "public"),
        ("DELETE", "/api/v1/events", "", "public"),
        ("GET", "{**path:file}", "", "ACBV"),
        ("HEAD", "{**path:file}", "", "ACBV"),
        ("GET", "/Portal/Site/SignIn", "", "public"),
        ("POST", "/Portal/Site/SignIn", "", "public"),
        ("GET", "/Portal/Site/Accept", "", "public"),
        ("POST", "/Portal/Site/Accept", "", "public"),
        ("GET", "/Portal/Site/Language", "", "public"),
        ("POST", "/Portal/Site/Language", "", "public"),
        ("GET", "/Portal/Site/SignOut", "", "portal"),
        ("POST", "/Portal/Site/SignOut", "", "portal"),
        ("GET", "/Portal/Site/Index", "", "portal"),
        ("GET", "/Portal/Site/Cohort", "", "portal"),
        ("GET", "/Portal/Site/Report", "", "portal"),
        ("GET", "/Portal/Site/Letters", "", "portal"),
        ("GET", "/Portal/Site/Requests", "", "portal"),
        ("POST", "/Portal/Site/Requests", "", "portal"),
        ("GET", "/Portal/Users/Index", "", "ACBV"),
        ("POST", "/Portal/Users/Index", "Invite", "AB"),
        ("POST", "/Portal/Users/Index", "Reinvite", "AB"),
        ("POST", "/Portal/Users/Index", "Disable", "AB"),
        ("POST", "/Portal/Users/Index", "Enable", "AB"),
        ("POST", "/Portal/Users/Index", "Codes", "AB"),
    ];

    internal enum Answer { Allowed, SignIn, Denied, ChangePasswordFirst, KeyRequired, PortalSignIn }

    internal sealed record Cell(string Verb, string Route, string Handler, string Url);

    private static readonly (string Name, char Letter, string? Role)[] Visitors =
        [("anonymous", '-', null), ("Admin", 'A', Roles.Admin), ("ProgramCS", 'C', Roles.ProgramCS), ("BizDev", 'B', Roles.BizDev), ("Viewer", 'V', Roles.Viewer)];

    [Fact]
    public async Task Every_route_answers_each_visitor_as_the_table_says()
    {
        var cells = Discover();
        var missing = cells.Where(c => !Expected.Any(e => Key(e.Verb, e.Route, e.Handler) == Key(c))).Select(Key).ToList();
        var stale = Expected.Where(e => !cells.Any(c => Key(c) == Key(e.Verb, e.Route, e.Handler))).Select(e => Key(e.Verb, e.Route, e.Handler)).ToList();
        Assert.True(missing.Count == 0, "Routes without a rule in the matrix: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Rules for routes that no longer exist: " + string.Join(", ", stale));

        // Signing out ends the session: those cells go last, so every other cell is asked while signed in.
        var ordered = cells.OrderBy(c => c.Route == "/Account/Logout" && c.Verb == "POST").ThenBy(Key).ToList();
        var wrong = new List<string>();
        foreach (var (name, letter, role) in Visitors)
        {
            var client = role is null ? factory.NewClient() : await factory.SignedInClientAsync(role);
            var token = await TokenAsync(client, role is null ? "/account/login" : "/account/changepassword");
            foreach (var cell in ordered)
            {
                var rule = Expected.Single(e => Key(e.Verb, e.Route, e.Handler) == Key(cell)).Allowed;
                var expected = rule switch
                {
                    "public" => Answer.Allowed,
                    "key" => Answer.KeyRequired,
                    // A staff session is not accepted on the portal: it is asked to sign in there.
                    "portal" => Answer.PortalSignIn,
                    _ when role is null => Answer.SignIn,
                    _ => rule.Contains(letter) ? Answer.Allowed : Answer.Denied,
                };
                var (answer, status) = await AskAsync(client, cell, token);
                if (answer != expected) wrong.Add($"{name} {Key(cell)} ({cell.Url}): expected {expected}, got {answer} ({status})");
            }
        }

        wrong.AddRange(await FirstPasswordNotChangedAsync(ordered));
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {cells.Count * (Visitors.Length + 1)} cells differ:\n" + string.Join("\n", wrong));
    }

    /// <summary>Until the first password is changed, only the account pages and what is public (the API included) answer.</summary>
    private async Task<List<string>> FirstPasswordNotChangedAsync(IReadOnlyList<Cell> cells)
    {
        var client = factory.NewClient();
        await ProgramOpsFactory.SignInAsync(client, AdministratorBootstrap.AdminUserName, ProgramOpsFactory.AdminPassword);
        var token = await TokenAsync(client, "/account/changepassword");
        var wrong = new List<string>();
        foreach (var cell in cells.Where(c => !(c.Route == "/Account/ChangePassword" && c.Verb == "POST")))
        {
            var rule = Expected.Single(e => Key(e.Verb, e.Route, e.Handler) == Key(cell)).Allowed;
            var expected = rule switch
            {
                "public" => Answer.Allowed,
                "key" => Answer.KeyRequired,
                "portal" => Answer.PortalSignIn,
                _ when cell.Route.StartsWith("/Account/", StringComparison.Ordinal) => Answer.Allowed,
                _ => Answer.ChangePasswordFirst,
            };
            var (answer, status) = await AskAsync(client, cell, token);
            if (answer != expected) wrong.Add($"first password not changed {Key(cell)} ({cell.Url}): expected {expected}, got {answer} ({status})");
        }

        return wrong;
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) =>
        ProgramOpsFactory.AntiforgeryToken(await client.GetStringAsync(url));

    internal static async Task<(Answer, string)> AskAsync(HttpClient client, Cell cell, string token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(cell.Verb), cell.Url);
        if (cell.Route.StartsWith("/api", StringComparison.Ordinal))
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        else if (cell.Verb == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        }

        using var response = await client.SendAsync(request);
        var location = response.Headers.Location?.OriginalString ?? "";
        var status = $"{(int)response.StatusCode} {location}".Trim();
        Assert.True((int)response.StatusCode < 500, $"{Key(cell)} ({cell.Url}) answered {status}");
        return (response.StatusCode, location) switch
        {
            (HttpStatusCode.Redirect, var l) when l.Contains("/account/login?ReturnUrl=", StringComparison.OrdinalIgnoreCase) => (Answer.SignIn, status),
            (HttpStatusCode.Redirect, var l) when l.Contains("/portal/sign-in?ReturnUrl=", StringComparison.OrdinalIgnoreCase) => (Answer.PortalSignIn, status),
            (HttpStatusCode.Redirect, var l) when l.Contains("/account/accessdenied", StringComparison.OrdinalIgnoreCase) => (Answer.Denied, status),
            (HttpStatusCode.Redirect, var l) when l.Contains("/account/changepassword", StringComparison.OrdinalIgnoreCase) && !cell.Route.StartsWith("/Account/", StringComparison.Ordinal) =>
                (Answer.ChangePasswordFirst, status),
            // The access-denied page tells the browser what it shows.
            (HttpStatusCode.Forbidden, _) when cell.Route != "/Account/AccessDenied" => (Answer.Denied, status),
            (HttpStatusCode.Unauthorized, _) => (Answer.KeyRequired, status),
            _ => (Answer.Allowed, status),
        };
    }

    private List<Cell> Discover() => Discover(factory, Sample);

    /// <summary>
    /// The cells from the endpoint list: each page once (by its shortest route) with each of its handlers, and every other
    /// route; <paramref name="sample"/> fills a route template's parameters.
    /// </summary>
    internal static List<Cell> Discover(ProgramOpsFactory factory, Func<string, string> sample)
    {
        factory.CreateClient().Dispose();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var cells = new List<Cell>();
        foreach (var page in endpoints
                     .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>()))
                     .Where(p => p.Page is not null)
                     .GroupBy(p => p.Page!.ViewEnginePath))
        {
            var (endpoint, descriptor) = page.OrderBy(p => p.Endpoint.RoutePattern.RawText!.Length).First();
            var url = "/" + sample(endpoint.RoutePattern.RawText!);
            var handlers = descriptor!.HandlerMethods.Count == 0
                ? [("GET", "")]
                : descriptor.HandlerMethods.Select(h => (h.HttpMethod.ToUpperInvariant(), h.Name ?? "")).Distinct();
            foreach (var (verb, handler) in handlers)
            {
                cells.Add(new Cell(verb, page.Key, handler, handler.Length == 0 ? url : $"{url}?handler={handler}"));
            }
        }

        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is null
                                                      && !IsStaticAsset(e)))
        {
            var route = endpoint.RoutePattern.RawText!;
            var verbs = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var url = route == "{**path:file}" ? "/no-such-file.txt" : sample(route.Replace("{documentName}", "v1"));
            foreach (var verb in verbs) cells.Add(new Cell(verb, route, "", url.StartsWith('/') ? url : "/" + url));
        }

        return cells;
    }

    /// <summary>MapStaticAssets adds a route per file (stylesheet, scripts): no handler, nothing personal.</summary>
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal));

    private static string Sample(string template) => RouteParameter().Replace(template, "999999");

    internal static string Key(Cell c) => Key(c.Verb, c.Route, c.Handler);

    internal static string Key(string verb, string route, string handler) => handler.Length == 0 ? $"{verb} {route}" : $"{verb} {route}?handler={handler}";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
