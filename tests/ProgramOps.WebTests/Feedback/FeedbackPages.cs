using System.Net;
using ProgramOps.TestSupport;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Feedback;

/// <summary>Reporting items through the intake form, as the feedback page tests need it.</summary>
internal static class FeedbackPages
{
    public static Dictionary<string, string> Item(string title, string description, string category = "Other", string source = "CsObservation",
        string helpsEveryUser = "Unknown", string programSpecific = "Unknown", string clientAsked = "Unknown") => new()
    {
        ["Input.Title"] = title, ["Input.Description"] = description, ["Input.Category"] = category, ["Input.Source"] = source,
        ["Input.HelpsEveryUser"] = helpsEveryUser, ["Input.ProgramSpecific"] = programSpecific, ["Input.ClientAsked"] = clientAsked,
        ["Input.AffectedCount"] = "3",
    };

    /// <summary>Posts the intake form; <paramref name="handler"/> "Create" reports as new without the duplicate check.</summary>
    public static async Task<HttpResponseMessage> ReportAsync(HttpClient client, Dictionary<string, string> item, string handler = "")
    {
        var form = await GetDocumentAsync(client, "/feedback/create");
        var url = handler.Length == 0 ? "/feedback/create" : $"/feedback/create?handler={handler}";
        return await PostAsync(client, url, FormFields(form, item));
    }

    /// <summary>Reports an item as new and returns its id (from the redirect to its stable URL).</summary>
    public static async Task<int> ReportNewAsync(HttpClient client, Dictionary<string, string> item)
    {
        var response = await ReportAsync(client, item, "Create");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return ItemId(response);
    }

    public static int ItemId(HttpResponseMessage redirect) => int.Parse(redirect.Headers.Location!.OriginalString.Split('/')[^1]);
}
