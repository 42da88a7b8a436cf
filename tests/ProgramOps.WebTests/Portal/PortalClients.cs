using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using ProgramOps.TestSupport;

namespace ProgramOps.WebTests.Portal;

/// <summary>Client users made as staff make them: invited on the client's page, the link accepted with a password.</summary>
public static partial class PortalClients
{
    public const string Password = "green-kettle-harbour-42";

    /// <summary>Staff (BizDev or Admin) invite <paramref name="email"/> to the client's portal; returns the link's path and query.</summary>
    public static async Task<string> InviteAsync(HttpClient staff, int clientId, string email, bool mayHoldCodes = false)
    {
        var page = $"/clients/{clientId}/portal-users";
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "人事 花子", ["SubmissionToken"] = Guid.NewGuid().ToString(),
        };
        if (mayHoldCodes) fields["Input.MayHoldCodes"] = "true";
        var response = await ProgramOpsFactory.PostFormAsync(staff, page, fields, page + "?handler=Invite");
        var html = await response.Content.ReadAsStringAsync();
        var link = Link().Match(html);
        Assert.True(link.Success, $"No invitation link on the page ({(int)response.StatusCode}).");
        return new Uri(WebUtility.HtmlDecode(link.Groups[1].Value)).PathAndQuery;
    }

    /// <summary>Opens the invitation link in a new browser, chooses the password and returns that browser, signed in.</summary>
    public static async Task<HttpClient> AcceptAsync(ProgramOpsFactory factory, string link, string password = Password)
    {
        var client = factory.NewClient();
        var response = await AcceptWithAsync(client, link, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/portal", response.Headers.Location!.OriginalString);
        return client;
    }

    public static Task<HttpResponseMessage> AcceptWithAsync(HttpClient client, string link, string password) =>
        ProgramOpsFactory.PostFormAsync(client, link, new Dictionary<string, string>
        {
            ["Token"] = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]),
            ["Input.NewPassword"] = password, ["Input.ConfirmPassword"] = password,
        }, "/portal/accept");

    /// <summary>A client user of the client, invited by <paramref name="staff"/> and signed in.</summary>
    public static async Task<HttpClient> SignedInAsync(ProgramOpsFactory factory, HttpClient staff, int clientId, string email) =>
        await AcceptAsync(factory, await InviteAsync(staff, clientId, email));

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await ProgramOpsFactory.PostFormAsync(client, "/portal/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>Report staff issue the cohort's final report (v1, Japanese) to a new key person of its client.</summary>
    public static async Task IssueReportAsync(ProgramOpsFactory factory, HttpClient bizDev, OutcomeTestCohort.Built cohort)
    {
        await using var c = await factory.Db.OpenAsync();
        var keyPerson = await c.ExecuteScalarAsync<int>(
            $"INSERT INTO KeyPersons (ClientId, Name, Title, Role, Version, CreatedAt, UpdatedAt, UpdatedBy) VALUES (@ClientId, '山田 花子', '人事部長', 'DecisionMaker', 1, @now, @now, 'seed'); {factory.Db.Dialect.SelectNewId}",
            new { cohort.ClientId, now = DateTimeOffset.UtcNow });
        var url = $"/outcomes/{cohort.CohortId}/{cohort.ClientId}";
        var issued = await ProgramOpsFactory.PostFormAsync(bizDev, url, new Dictionary<string, string>
        {
            ["Kind"] = "Final", ["Language"] = "ja", ["Recipients"] = keyPerson.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, url + "/issue");
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
    }

    [GeneratedRegex("<code data-link>([^<]+)</code>")]
    private static partial Regex Link();
}
