using Dapper;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;

namespace ProgramOps.WebTests.Clients;

/// <summary>Small helpers the client page tests share: seeding rows and reading pages.</summary>
internal static class ClientPages
{
    public static Task<int> SeedClientAsync(ProgramOpsFactory factory, ClientInput input) => TestData.ClientAsync(factory.Db, input);

    /// <summary>A published program (the smoking template under <paramref name="code"/>) a contract can be for; returns the program's id.</summary>
    public static async Task<int> SeedProgramAsync(ProgramOpsFactory factory, string code)
    {
        var version = await TestData.PublishedProgramAsync(factory.Db, code);
        await using var connection = await factory.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT ProgramId FROM ProgramVersions WHERE Id = @version", new { version });
    }

    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Every field of a page's main form as the browser would post it, with overrides applied.</summary>
    public static Dictionary<string, string> FormFields(IHtmlDocument page, IDictionary<string, string>? overrides = null, string formSelector = "main form[method=post]")
    {
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked) fields[box.Name!] = box.Value;
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.TryAdd(input.Name!, input.Value);
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields[select.Name!] = select.Value ?? "";
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields[area.Name!] = area.Value;
                    break;
            }
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string>()) fields[key] = value;
        return fields;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(fields));
}
