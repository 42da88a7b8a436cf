using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProgramOps.TestSupport;
using ProgramOps.Web.Infrastructure.Auth;

namespace ProgramOps.WebTests.Security;

/// <summary>
/// Every query value every page reads on GET (its handler's parameters and the properties it binds on GET, one level
/// into filter objects), sent out of range, malformed or hostile: the answer is the page (empty or with a message) or
/// 400/404, never a server error.
/// </summary>
public sealed class QueryFuzzTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private static readonly string[] HostileValues =
    [
        "999999999", "-1", "0", "2147483648", "99999999999999999999999", "-9223372036854775809", "1e309", "NaN", "abc",
        "2026-13-45", "0001-01-01", "9999-12-31", "\u0000", "%", "' OR 1=1 --", "[]", "Nope", new string('字', 5000),
    ];

    [Fact]
    public async Task No_query_value_makes_a_page_fail()
    {
        var (cohortId, contractId) = await TestData.CohortOfNewClientAsync(factory.Db, "クエリ", "Running", DateOnly.FromDateTime(DateTime.Today).AddDays(-20));
        var people = await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 3);
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var ids = new Dictionary<string, string>
        {
            ["cohortId"] = cohortId.ToString(CultureInfo.InvariantCulture),
            ["id"] = cohortId.ToString(CultureInfo.InvariantCulture),
            ["number"] = "1",
        };

        var requests = 0;
        var failures = new List<string>();
        foreach (var (url, names) in GetPages(ids, people[0]))
        {
            foreach (var name in names)
            {
                foreach (var value in HostileValues)
                {
                    var target = $"{url}{(url.Contains('?') ? '&' : '?')}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
                    var response = await admin.GetAsync(target);
                    requests++;
                    if ((int)response.StatusCode >= 500) failures.Add($"{target[..Math.Min(target.Length, 160)]} → {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(requests > 500, $"only {requests} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n" + string.Join("\n", failures));
    }

    /// <summary>Each page's GET handlers, with the names of the query values they read.</summary>
    private List<(string Url, IReadOnlyList<string> Names)> GetPages(IReadOnlyDictionary<string, string> ids, long participantId)
    {
        factory.CreateClient().Dispose();
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(p => p.Page is not null && !p.Page.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal))
            .GroupBy(p => p.Page!.ViewEnginePath)
            .Select(g => g.OrderBy(p => p.Endpoint.RoutePattern.RawText!.Length).First());
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var (endpoint, page) in pages)
        {
            var template = "/" + endpoint.RoutePattern.RawText!;
            var url = System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)[^}]*\}", m =>
                page!.ViewEnginePath.StartsWith("/Participants/Details", StringComparison.Ordinal) ? participantId.ToString(CultureInfo.InvariantCulture)
                : ids.TryGetValue(m.Groups[1].Value, out var id) ? id : "1");
            var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var handler in page!.HandlerMethods.Where(h => h.HttpMethod == "Get"))
            {
                var names = handler.Parameters.Select(p => p.Name)
                    .Concat(page.BoundProperties.Where(p => p.BindingInfo?.RequestPredicate is null || SupportsGet(p)).SelectMany(p => Names(p.Name, p.ParameterType)))
                    .Where(n => !routeNames.Contains(n))
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var handlerUrl = handler.Name is null ? url : $"{url}?handler={handler.Name}";
                result.Add((handlerUrl, names));
            }
        }

        return result;
    }

    private static bool SupportsGet(Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor property) =>
        property is PageBoundPropertyDescriptor { Property: var info } && info.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true;

    private static IEnumerable<string> Names(string name, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(DateOnly) || underlying == typeof(Guid)
            || underlying == typeof(decimal) || underlying.IsArray)
        {
            return [name];
        }

        return underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name);
    }
}
