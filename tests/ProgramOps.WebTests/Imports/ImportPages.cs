using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Imports;

/// <summary>Uploading a roster through the real form and waiting for the worker, as a user watching the page would.</summary>
internal static class ImportPages
{
    public static readonly Encoding ShiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932)!;

    /// <summary>The header a Japanese HR export writes, every field by its usual name.</summary>
    public const string RosterHeader = "社員番号,氏名,フリガナ,メールアドレス,部署,生年";

    /// <summary>An enrolling cohort of a new client with one contract of <paramref name="capacity"/> seats.</summary>
    public static async Task<(int CohortId, int ContractId, int ClientId)> EnrollingCohortAsync(ProgramOpsFactory factory, string tag, int capacity = 100)
    {
        var clientId = await TestData.ClientAsync(factory.Db, new ClientInput { Name = $"{tag}商事", Kind = ClientKind.Employer, EligiblePopulation = 5000 });
        var contractId = await TestData.ActiveContractAsync(factory.Db, clientId, capacity * 2);
        var versionId = await TestData.PublishedProgramAsync(factory.Db, $"{tag}-smoking");
        var cohortId = await TestData.CohortAsync(factory.Db, $"{tag} 2027年1月", versionId, "Enrolling", new DateOnly(2027, 1, 11), (contractId, capacity));
        return (cohortId, contractId, clientId);
    }

    /// <summary>Posts the upload form; returns the response (a redirect to the import page when accepted).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int cohortId, string fileName, byte[] content, string encoding = "Auto", string? token = null)
    {
        var form = await GetDocumentAsync(client, $"/cohorts/{cohortId}/imports/new");
        var fields = FormFields(form, new Dictionary<string, string> { ["Input.Encoding"] = encoding });
        if (token is not null) fields["SubmissionToken"] = token;
        using var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        body.Add(new ByteArrayContent(content), "Roster", fileName);
        return await client.PostAsync($"/cohorts/{cohortId}/imports/new", body);
    }

    /// <summary>Reloads the import page until the worker is done with it, as its self-refresh would.</summary>
    public static async Task<IHtmlDocument> WaitForWorkerAsync(HttpClient client, string importUrl)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var page = await GetDocumentAsync(client, importUrl);
            var status = page.QuerySelector("[data-import-status]")!.GetAttribute("data-import-status");
            if (status is not ("Queued" or "Validating" or "CommitQueued" or "Committing")) return page;
            await Task.Delay(100);
        }

        throw new TimeoutException($"The import at {importUrl} did not finish.");
    }

    public static async Task<IHtmlDocument> UploadAndPreviewAsync(HttpClient client, int cohortId, string fileName, byte[] content, string encoding = "Auto")
    {
        var uploaded = await UploadAsync(client, cohortId, fileName, content, encoding);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        return await WaitForWorkerAsync(client, uploaded.Headers.Location!.OriginalString);
    }

    /// <summary>The import's id, from its commit form.</summary>
    public static string ImportId(IHtmlDocument page) =>
        page.QuerySelector("form[action*='handler=Commit']")!.GetAttribute("action")!.Split('/')[4].Split('?')[0];

    public static string Status(IHtmlDocument page) => page.QuerySelector("[data-import-status]")!.GetAttribute("data-import-status")!;

    public static string Count(IHtmlDocument page, string name) => page.QuerySelector($"[data-count='{name}']")!.TextContent.Trim();

    public static byte[] Utf8Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
}
