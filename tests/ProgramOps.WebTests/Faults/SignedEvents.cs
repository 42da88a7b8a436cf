using System.Globalization;
using System.Text;
using ProgramOps.Web.Features.Events;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Faults;

/// <summary>The base app's side of the events API for tests on a console of any kind: a key made on its page, signed requests.</summary>
internal static class SignedEvents
{
    public static async Task<(string Id, string Secret)> CreateKeyAsync(HttpClient admin, string name)
    {
        var page = await GetDocumentAsync(admin, "/admin/apikeys");
        var created = await ReadDocumentAsync(await PostAsync(admin, "/admin/apikeys?handler=Create",
            FormFields(page, new Dictionary<string, string> { ["Name"] = name }, "form[action*='handler=Create']")));
        return (created.QuerySelector("[data-key-id]")!.TextContent, created.QuerySelector("[data-secret]")!.TextContent);
    }

    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient api, (string Id, string Secret) key, byte[] body, string contentType = "application/json", CancellationToken ct = default)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new(contentType);
        request.Headers.Add(RequestSignature.KeyHeader, key.Id);
        request.Headers.Add(RequestSignature.TimestampHeader, timestamp);
        request.Headers.Add(RequestSignature.SignatureHeader, RequestSignature.Compute(Encoding.UTF8.GetBytes(key.Secret), timestamp, body));
        return await api.SendAsync(request, ct);
    }
}
