using System.Text.Json;

namespace ProgramOps.Web.Features.Events;

/// <summary><c>POST /api/v1/events</c>: the base app's events, signed with an integration's API key.</summary>
public static class EventsEndpoint
{
    /// <summary>A full batch of 1,000 events with notes fits several times over.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeySecrets>().AddScoped<EventIngestion>();
        // An API key writes participants' data through the events API: only administrators make and revoke them.
        services.AuthorizePageFolder("/Events", Policies.Admin);
        services.AddOpenApi();
        services.AddProblemDetails();
        return services;
    }

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", ReceiveAsync)
            // Integrations prove who they are by the request signature, not by a staff sign-in cookie.
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("PostEvents")
            .WithSummary("Send a batch of up to 1,000 participant events from the base app.")
            .WithDescription(
                $"Sign the request: {RequestSignature.KeyHeader} = the API key id, {RequestSignature.TimestampHeader} = Unix seconds (within 5 minutes of the server's clock), " +
                $"{RequestSignature.SignatureHeader} = \"sha256=\" + hex(HMAC-SHA256(secret, timestamp + \".\" + body)). Each event is accepted, a duplicate " +
                "(its id was sent before: nothing changes), or rejected with a reason; one bad event does not reject the others. Types: " +
                string.Join(", ", EventReader.Types.Keys) + ". Participants are named by their invitation code.")
            .Accepts<EventBatch>("application/json")
            .Produces<EventBatchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        // Other methods answer in ProblemDetails too, never with a redirect to the sign-in page.
        app.MapMethods("/api/v1/events", [HttpMethods.Get, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], MethodNotAllowed)
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapOpenApi().RequireAuthorization();
        return app;
    }

    private static IResult MethodNotAllowed(HttpResponse response)
    {
        response.Headers.Allow = HttpMethods.Post;
        return Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Send events with POST.");
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, Db db, ApiKeySecrets secrets, EventIngestion ingestion, TimeProvider time, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return TooLarge();
        var body = await ReadBodyAsync(request, ct);
        if (body is null) return TooLarge();

        var timestamp = request.Headers[RequestSignature.TimestampHeader].ToString();
        ActiveKey? key;
        await using (var connection = await db.OpenAsync(ct))
        {
            key = await connection.QuerySingleOrDefaultAsync<ActiveKey>(new CommandDefinition(EventsSql.ActiveApiKey,
                new { KeyId = request.Headers[RequestSignature.KeyHeader].ToString() }, cancellationToken: ct));
        }

        // A refused call that names a key counts against it, so the admin home shows integrations that are failing.
        async Task<IResult> RefusedAsync(ApiKeyRejection why, IResult answer)
        {
            if (key is not null)
            {
                await db.InTransactionAsync((c, t) => c.ExecuteAsync(new CommandDefinition(EventsSql.CountRejectedCall,
                    new { key.Id, Now = time.GetUtcNow(), Rejection = why.ToString() }, t, cancellationToken: ct)), ct);
            }

            return answer;
        }

        if (!RequestSignature.IsFresh(timestamp, time.GetUtcNow()))
            return await RefusedAsync(ApiKeyRejection.Replay, Unauthorized($"{RequestSignature.TimestampHeader} must be the current time in Unix seconds (within 5 minutes)."));
        if (key is null || !RequestSignature.Matches(secrets.Unprotect(key.ProtectedSecret), timestamp, body, request.Headers[RequestSignature.SignatureHeader]))
            return await RefusedAsync(ApiKeyRejection.BadSignature, Unauthorized("The API key is unknown or revoked, or the signature does not match the body."));

        EventBatch? batch;
        try
        {
            batch = JsonSerializer.Deserialize<EventBatch>(body, Json);
        }
        catch (JsonException e)
        {
            return await RefusedAsync(ApiKeyRejection.InvalidPayload,
                Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a valid event batch.", detail: e.Message));
        }

        if (batch?.Events is not { Count: > 0 } events)
        {
            return await RefusedAsync(ApiKeyRejection.InvalidPayload,
                Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The batch has no events.", detail: "Send {\"events\": [ ... ]}."));
        }

        if (events.Count > EventBatch.MaxEvents)
        {
            return await RefusedAsync(ApiKeyRejection.InvalidPayload, Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: $"A batch may hold at most {EventBatch.MaxEvents} events.", detail: $"This one has {events.Count}: split it."));
        }

        return Results.Ok(await ingestion.ApplyAsync(new Integration(key.Id, request.Headers[RequestSignature.KeyHeader].ToString()), events, ct));
    }

    /// <returns>The body, or null when it is larger than <see cref="MaxBodyBytes"/>.</returns>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Unauthorized(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The request is not signed by a valid API key.", detail: detail);

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is larger than {MaxBodyBytes / (1024 * 1024)} MiB.", detail: "Send fewer events per batch.");

    private sealed record ActiveKey
    {
        public int Id { get; init; }
        public required string ProtectedSecret { get; init; }
    }
}

/// <summary>Why the events API refused a call that named an API key (counted on the key, see <c>EventsSql.CountRejectedCall</c>).</summary>
public enum ApiKeyRejection
{
    /// <summary>The signature does not match the body with the key's secret.</summary>
    BadSignature,

    /// <summary>The timestamp is not within 5 minutes of now: a replayed (or badly clocked) request.</summary>
    Replay,

    /// <summary>The signed body is not a valid event batch.</summary>
    InvalidPayload,
}
