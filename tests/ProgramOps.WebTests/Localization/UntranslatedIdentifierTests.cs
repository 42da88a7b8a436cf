using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dapper;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.WebTests.Demo;

namespace ProgramOps.WebTests.Localization;

/// <summary>
/// Every page the console serves on GET, on the demo data (so lists, histories and audit rows are full), read in Japanese and
/// in English by an administrator: no page shows one of the console's identifiers (an enum member's or a text's name).
/// (No page writes Japanese text of its own: JapaneseOnlyInResourcesTests.)
/// </summary>
public sealed partial class UntranslatedIdentifierTests(DemoConsoleFactory factory) : IClassFixture<DemoConsoleFactory>
{
    /// <summary>Attributes whose values people read (tooltips, confirmations, what a screen reader says).</summary>
    private static readonly string[] ReadAttributes = ["title", "aria-label", "placeholder", "alt", "data-confirm", "data-confirm-click"];

    [Fact]
    public async Task No_page_shows_an_identifier_in_either_language()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var urls = await PageUrlsAsync();
        var problems = new List<string>();
        var read = 0;
        foreach (var url in urls)
        {
            foreach (var language in new[] { "ja", "en" })
            {
                var response = await admin.GetAsync($"{url}{(url.Contains('?') ? '&' : '?')}culture={language}&ui-culture={language}");
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
                read++;
                var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
                var text = ReadableText(page);
                problems.AddRange(ConsoleIdentifiers.FoundIn(text, language).Select(found => $"{url} ({language}): {found}"));
            }
        }

        Assert.True(read >= 70, $"only {read} pages read of {urls.Count} URLs");
        Assert.True(problems.Count == 0, $"{problems.Count} untranslated:\n{string.Join("\n", problems.Distinct())}");
    }

    [Fact]
    public void The_catalogue_knows_the_lifecycle_and_the_texts_and_finds_them_as_words()
    {
        Assert.Contains("AtRisk", ConsoleIdentifiers.All);
        Assert.Contains("MarkAtRisk", ConsoleIdentifiers.All);
        Assert.Contains("Common.Yes", ConsoleIdentifiers.All);
        Assert.Equal(["AtRisk", "State.Active"], ConsoleIdentifiers.FoundIn("状態: AtRisk、State.Active、Active", "ja"));
        Assert.Empty(ConsoleIdentifiers.FoundIn("At risk since 2026-11-30 (Active)", "en"));
    }

    private static string ReadableText(IHtmlDocument page) =>
        string.Join("\n", new[] { page.Title ?? "", page.Body!.TextContent }
            .Concat(page.All.SelectMany(e => ReadAttributes.Select(e.GetAttribute)).OfType<string>()));

    /// <summary>Each GET page of the endpoint list, its route values filled with records of the demo data.</summary>
    private async Task<IReadOnlyList<string>> PageUrlsAsync()
    {
        await using var c = await factory.Db.OpenAsync();
        const int cohort = 1;
        var client = await c.ExecuteScalarAsync<int>("SELECT ct.ClientId FROM CohortContracts cc JOIN Contracts ct ON ct.Id = cc.ContractId WHERE cc.CohortId = @cohort ORDER BY ct.Id LIMIT 1", new { cohort });
        var values = new Dictionary<string, object?>
        {
            ["/Clients/"] = client,
            ["/Clients/Contracts/"] = await c.ExecuteScalarAsync<int>("SELECT MIN(Id) FROM Contracts WHERE ClientId = @client", new { client }),
            ["/Clients/KeyPersons/"] = await c.ExecuteScalarAsync<int?>("SELECT MIN(Id) FROM KeyPersons WHERE ClientId = @client", new { client }),
            ["/Cohorts/"] = cohort,
            ["/Cohorts/Imports/"] = await c.ExecuteScalarAsync<int>("SELECT MIN(Id) FROM RosterImports WHERE CohortId = @cohort", new { cohort }),
            ["/Participants/"] = await c.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM Participants WHERE CohortId = @cohort AND AnonymisedAt IS NULL AND TeamId IS NOT NULL", new { cohort }),
            ["/Programs/"] = await c.ExecuteScalarAsync<int>("SELECT MIN(ProgramId) FROM ProgramVersions"),
            ["/Programs/EditVersion"] = await c.ExecuteScalarAsync<int?>("SELECT MIN(Id) FROM ProgramVersions WHERE Status = 'Draft'"),
            ["/Feedback/"] = await c.ExecuteScalarAsync<int>("SELECT MIN(Id) FROM FeedbackItems"),
            ["/Feedback/Rules/"] = await c.ExecuteScalarAsync<int>("SELECT MIN(Id) FROM RoutingRules"),
            ["/Admin/Users/"] = await c.ExecuteScalarAsync<int>("SELECT MIN(Id) FROM Users"),
            ["/Supplies/"] = await c.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM Shipments"),
            ["/Interviews/"] = await c.ExecuteScalarAsync<int>("SELECT MIN(Id) FROM Interviews"),
            ["/Issues/"] = await c.ExecuteScalarAsync<int>("SELECT MIN(Id) FROM Issues"),
            ["/Initiatives/"] = await c.ExecuteScalarAsync<int>("SELECT MIN(Id) FROM Initiatives"),
        };
        var routeValues = new Dictionary<string, object?>
        {
            ["cohortId"] = cohort, ["clientId"] = client, ["number"] = 1, ["format"] = "csv",
            ["programId"] = values["/Programs/"],
        };

        factory.CreateClient().Dispose();
        return [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(p => p.Page is not null && !p.Page.ViewEnginePath.StartsWith("/Account/Logout", StringComparison.Ordinal))
            .GroupBy(p => p.Page!.ViewEnginePath)
            .Select(g => g.OrderBy(p => p.Endpoint.RoutePattern.RawText!.Length).First())
            .Select(p => "/" + RouteValue().Replace(p.Endpoint.RoutePattern.RawText!, m =>
                Convert.ToString(m.Groups["name"].Value == "id"
                    ? values.Where(v => p.Page!.ViewEnginePath.StartsWith(v.Key, StringComparison.Ordinal)).OrderByDescending(v => v.Key.Length).Select(v => v.Value).FirstOrDefault()
                    : routeValues.GetValueOrDefault(m.Groups["name"].Value), CultureInfo.InvariantCulture) ?? ""))
            .Select(url => url.TrimEnd('/'))
            .Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\{(?<name>\w+)[^}]*\}")]
    private static partial Regex RouteValue();

}
