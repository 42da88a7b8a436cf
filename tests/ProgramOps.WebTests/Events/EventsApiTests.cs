using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Events;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Events;

public sealed class EventsApiTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private sealed record Key(string Id, string Secret);

    /// <summary>An admin creates the key on the API keys page and copies the secret it shows once.</summary>
    private async Task<Key> CreateKeyAsync(string name)
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var page = await GetDocumentAsync(admin, "/admin/apikeys");
        var created = await ReadDocumentAsync(await PostAsync(admin, "/admin/apikeys?handler=Create",
            FormFields(page, new Dictionary<string, string> { ["Name"] = name }, "form[action*='handler=Create']")));
        return new Key(created.QuerySelector("[data-key-id]")!.TextContent, created.QuerySelector("[data-secret]")!.TextContent);
    }

    private async Task<string[]> InvitedCodesAsync(string tag, int people)
    {
        var (cohortId, _, _) = await EnrollingCohortAsync(factory, tag);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var rows = Enumerable.Range(1, people).Select(i => $"{tag}{i},社員 {i},,p{i}@example.com,");
        var preview = await UploadAndPreviewAsync(cs, cohortId, "r.csv", Utf8Csv(["社員番号,氏名,フリガナ,メールアドレス,部署", .. rows]));
        var commit = await PostAsync(cs, preview.QuerySelector("form[action*='handler=Commit']")!.GetAttribute("action")!,
            FormFields(preview, formSelector: "form[action*='handler=Commit']"));
        await WaitForWorkerAsync(cs, commit.Headers.Location!.OriginalString);
        await using var c = await factory.Db.OpenAsync();
        return [.. await c.QueryAsync<string>("SELECT InvitationCode FROM Participants WHERE CohortId = @cohortId ORDER BY Id", new { cohortId })];
    }

    private async Task<HttpResponseMessage> SendAsync(Key key, object batch, DateTimeOffset? signedAt = null, string? secret = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(batch, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(RequestSignature.KeyHeader, key.Id);
        request.Headers.Add(RequestSignature.TimestampHeader, timestamp);
        request.Headers.Add(RequestSignature.SignatureHeader, RequestSignature.Compute(Encoding.UTF8.GetBytes(secret ?? key.Secret), timestamp, body));
        return await factory.CreateClient().SendAsync(request);
    }

    private static object Event(string id, string type, string code, object? data = null) =>
        new { id, type, participant = code, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1), data };

    private async Task<string> StateAsync(string code)
    {
        await using var c = await factory.Db.OpenAsync();
        return await c.ExecuteScalarAsync<string>("SELECT State FROM Participants WHERE InvitationCode = @code", new { code }) ?? "";
    }

    [Fact]
    public async Task App_linked_enrols_the_participant_and_a_replayed_batch_changes_nothing_and_says_so()
    {
        var key = await CreateKeyAsync("base app");
        var code = (await InvitedCodesAsync("連携", 1))[0];
        var batch = new { events = new[] { Event("evt-link-1", "app_linked", code) } };

        var first = await (await SendAsync(key, batch)).Content.ReadFromJsonAsync<EventBatchResponse>();
        var replay = await SendAsync(key, batch);

        Assert.Equal((1, 0, 0), (first!.Accepted, first.Duplicates, first.Rejected));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var second = await replay.Content.ReadFromJsonAsync<EventBatchResponse>();
        Assert.Equal((0, 1), (second!.Accepted, second.Duplicates));
        Assert.Equal("Enrolled", await StateAsync(code));
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal(1, await c.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM ParticipantTransitions t JOIN Participants p ON p.Id = t.ParticipantId WHERE p.InvitationCode = @code AND t.EventId = 'evt-link-1'", new { code }));
    }

    [Fact]
    public async Task Each_event_gets_its_own_result_and_a_bad_one_does_not_reject_the_good_ones()
    {
        var key = await CreateKeyAsync("mixed");
        var codes = await InvitedCodesAsync("混在", 2);

        var response = await (await SendAsync(key, new
        {
            events = new[]
            {
                Event("m-1", "app_linked", codes[0]),
                Event("m-2", "teleport", codes[0]),
                Event("m-3", "app_linked", "ZZZZZZZZZZZZ"),
                Event("m-4", "check_in", codes[1], new { smoked = false, cravings = 3 }),
                Event("m-5", "check_in", codes[0], new { smoked = false, cravings = 11 }),
                Event("m-1", "app_linked", codes[0]),
            },
        })).Content.ReadFromJsonAsync<EventBatchResponse>();

        Assert.Equal([EventStatus.Accepted, EventStatus.Rejected, EventStatus.Rejected, EventStatus.Rejected, EventStatus.Rejected, EventStatus.Duplicate],
            response!.Results.Select(r => r.Status));
        Assert.Contains("type must be one of", response.Results[1].Reason);
        Assert.Equal("no participant has this invitation code", response.Results[2].Reason);
        Assert.Contains("has not linked the app", response.Results[3].Reason);
        Assert.Equal("cravings must be 0 to 10", response.Results[4].Reason);
    }

    [Fact]
    public async Task A_check_in_is_recorded_and_a_final_assessment_before_the_end_is_refused_naming_the_state()
    {
        var key = await CreateKeyAsync("check-ins");
        var code = (await InvitedCodesAsync("チェック", 1))[0];
        await SendAsync(key, new { events = new[] { Event("c-0", "app_linked", code) } });

        var response = await (await SendAsync(key, new
        {
            events = new[]
            {
                Event("c-1", "check_in", code, new { smoked = false, cravings = 2, note = "散歩で乗り切った" }),
                Event("c-2", "final_assessment", code, new { abstinentDays = 30 }),
            },
        })).Content.ReadFromJsonAsync<EventBatchResponse>();

        Assert.Equal(EventStatus.Accepted, response!.Results[0].Status);
        Assert.Equal(EventStatus.Rejected, response.Results[1].Status);
        Assert.Contains("Complete is not allowed for a participant in Enrolled", response.Results[1].Reason);
        await using var c = await factory.Db.OpenAsync();
        Assert.NotNull(await c.ExecuteScalarAsync<string>("SELECT LastCheckInOn FROM Participants WHERE InvitationCode = @code", new { code }));
        Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ParticipantEvents WHERE EventId = 'c-1'"));
        var id = await c.ExecuteScalarAsync<long>("SELECT Id FROM Participants WHERE InvitationCode = @code", new { code });
        var page = await GetDocumentAsync(await factory.SignedInClientAsync(Roles.ProgramCS), $"/participants/{id}");
        var checkIn = page.QuerySelector("tr[data-event='check_in']")!.TextContent;
        Assert.Contains("チェックイン", checkIn);
        Assert.Contains("散歩で乗り切った", checkIn);
        Assert.Null(page.QuerySelector("tr[data-event='final_assessment']"));
        // What the participant wrote is personal: a viewer sees the check-in, not the note.
        var viewers = (await GetDocumentAsync(await factory.SignedInClientAsync(Roles.Viewer), $"/participants/{id}")).QuerySelector("tr[data-event='check_in']")!.TextContent;
        Assert.Contains("cravings", viewers);
        Assert.DoesNotContain("散歩で乗り切った", viewers);
    }

    [Fact]
    public async Task Check_ins_mark_their_program_weeks_and_the_latest_satisfaction_is_kept_until_withdrawal_erases_it()
    {
        var key = await CreateKeyAsync("week map");
        var code = (await InvitedCodesAsync("週記録", 1))[0];
        var now = DateTimeOffset.UtcNow;
        var start = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).Date).AddDays(-29);
        await using var c = await factory.Db.OpenAsync();
        await c.ExecuteAsync("UPDATE Cohorts SET EnrolmentOpens = @opens, EnrolmentCloses = @start, StartDate = @start WHERE Id = (SELECT CohortId FROM Participants WHERE InvitationCode = @code)", new { opens = start.AddDays(-14), start, code });
        object At(string id, string type, DateTimeOffset at, object data) => new { id, type, participant = code, occurredAt = at, data };

        await SendAsync(key, new
        {
            events = new[]
            {
                Event("m-0", "app_linked", code),
                At("m-1", "check_in", now.AddMinutes(-5), new { smoked = false, cravings = 2 }),
                At("m-2", "check_in", now.AddDays(-21), new { smoked = false, cravings = 4 }),
                At("m-3", "check_in", now.AddMinutes(-1), new { smoked = false, cravings = 1 }),
                At("m-4", "check_in", now.AddDays(-40), new { smoked = true, cravings = 9 }),
                At("m-5", "satisfaction", now.AddMinutes(-3), new { score = 9 }),
                At("m-6", "satisfaction", now.AddMinutes(-2), new { score = 7 }),
            },
        });
        var kept = await c.QuerySingleAsync<(string Weeks, int? Score)>(
            "SELECT CheckInWeeks, SatisfactionScore FROM Participants WHERE InvitationCode = @code", new { code });
        var id = await c.ExecuteScalarAsync<long>("SELECT Id FROM Participants WHERE InvitationCode = @code", new { code });
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        await PostAsync(cs, $"/participants/{id}", FormFields(await GetDocumentAsync(cs, $"/participants/{id}"),
            new Dictionary<string, string> { ["Input.Trigger"] = "Withdraw", ["Input.Reason"] = "本人から撤回の申し出" }));

        Assert.Equal(("01001", (int?)7), kept);
        Assert.Equal(("01001", (int?)null), await c.QuerySingleAsync<(string, int?)>(
            "SELECT CheckInWeeks, SatisfactionScore FROM Participants WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task A_quit_day_is_refused_until_the_first_kit_is_delivered_then_kept_and_logged()
    {
        var key = await CreateKeyAsync("quit day");
        var code = (await InvitedCodesAsync("禁煙日", 1))[0];
        await SendAsync(key, new { events = new[] { Event("q-0", "app_linked", code) } });

        var early = await (await SendAsync(key, new { events = new[] { Event("q-1", "quit_date_set", code, new { quitDate = "2026-12-01" }) } }))
            .Content.ReadFromJsonAsync<EventBatchResponse>();
        await using var c = await factory.Db.OpenAsync();
        await c.ExecuteAsync("""
            INSERT INTO Shipments (ParticipantId, CohortId, Week, Item, DueOn, Status, ShippedOn, DeliveredOn, Version, CreatedAt, UpdatedAt, UpdatedBy)
            SELECT Id, CohortId, 0, '初回キット', '2026-11-20', 'Delivered', '2026-11-21', '2026-11-22', 1, '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z', 'test'
            FROM Participants WHERE InvitationCode = @code
            """, new { code });
        var afterKit = await (await SendAsync(key, new { events = new[] { Event("q-2", "quit_date_set", code, new { quitDate = "2026-12-01" }) } }))
            .Content.ReadFromJsonAsync<EventBatchResponse>();

        Assert.Equal(EventStatus.Rejected, early!.Results[0].Status);
        Assert.Equal("SetQuitDay is not allowed for a participant in Enrolled yet: FirstKitDelivered.", early.Results[0].Reason);
        Assert.Equal(EventStatus.Accepted, afterKit!.Results[0].Status);
        Assert.Equal("2026-12-01", await c.ExecuteScalarAsync<string>("SELECT QuitDate FROM Participants WHERE InvitationCode = @code", new { code }));
        Assert.Equal(("SetQuitDay", ProgramOps.Web.Features.Participants.TransitionReasons.QuitDayOn(new DateOnly(2026, 12, 1))), await c.QuerySingleAsync<(string, string)>(
            "SELECT t.TriggerName, t.Reason FROM ParticipantTransitions t JOIN Participants p ON p.Id = t.ParticipantId WHERE t.EventId = 'q-2' AND p.InvitationCode = @code", new { code }));
    }

    [Fact]
    public async Task Withdrawal_erases_what_the_app_sent_and_a_replayed_event_is_still_a_duplicate()
    {
        var key = await CreateKeyAsync("withdrawal");
        var code = (await InvitedCodesAsync("撤回記録", 1))[0];
        var checkIn = new { events = new[] { Event("w-0", "app_linked", code), Event("w-1", "check_in", code, new { smoked = true, cravings = 8, note = "飲み会で吸ってしまった" }) } };
        await SendAsync(key, checkIn);
        await using var c = await factory.Db.OpenAsync();
        var id = await c.ExecuteScalarAsync<long>("SELECT Id FROM Participants WHERE InvitationCode = @code", new { code });
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        await PostAsync(cs, $"/participants/{id}", FormFields(await GetDocumentAsync(cs, $"/participants/{id}"),
            new Dictionary<string, string> { ["Input.Trigger"] = "Withdraw", ["Input.Reason"] = "本人から撤回の申し出" }));
        var replay = await (await SendAsync(key, checkIn)).Content.ReadFromJsonAsync<EventBatchResponse>();

        Assert.Equal(["{}", "{}"], await c.QueryAsync<string>("SELECT Payload FROM ParticipantEvents WHERE ParticipantId = @id", new { id }));
        Assert.DoesNotContain("飲み会", (await GetDocumentAsync(cs, $"/participants/{id}")).Body!.TextContent);
        Assert.Equal((0, 2), (replay!.Accepted, replay.Duplicates));
    }

    [Fact]
    public async Task Requests_with_a_wrong_signature_an_old_timestamp_or_a_revoked_key_are_refused()
    {
        var key = await CreateKeyAsync("refusals");
        var batch = new { events = new[] { Event("r-1", "app_linked", "ABCDEFGHJKMN") } };

        var wrong = await SendAsync(key, batch, secret: "not-the-secret");
        var old = await SendAsync(key, batch, signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Contains("within 5 minutes", await old.Content.ReadAsStringAsync());

        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var keys = await GetDocumentAsync(admin, "/admin/apikeys");
        await PostAsync(admin, keys.QuerySelector($"tr[data-key='{key.Id}'] form")!.GetAttribute("action")!,
            FormFields(keys, formSelector: $"tr[data-key='{key.Id}'] form"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(key, batch)).StatusCode);
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_as_a_whole_with_a_problem_detail()
    {
        var key = await CreateKeyAsync("limit");
        var batch = new { events = Enumerable.Range(0, EventBatch.MaxEvents + 1).Select(i => Event($"l-{i}", "satisfaction", "ABCDEFGHJKMN", new { score = 9 })) };

        var response = await SendAsync(key, batch);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 1000 events", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_events_endpoint_to_signed_in_staff_only()
    {
        var anonymous = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/openapi/v1.json");
        var staff = await factory.SignedInClientAsync(Roles.Viewer);

        var document = await staff.GetStringAsync("/openapi/v1.json");

        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Contains("/api/v1/events", document);
        Assert.Contains(RequestSignature.SignatureHeader, document);
    }

    [Fact]
    public async Task App_feedback_becomes_a_routed_feedback_item_that_names_the_cohort_but_not_the_participant()
    {
        var key = await CreateKeyAsync("feedback");
        var code = (await InvitedCodesAsync("声", 1))[0];
        await SendAsync(key, new { events = new[] { Event("f-0", "app_linked", code) } });

        var response = await (await SendAsync(key, new
        {
            events = new[]
            {
                Event("f-1", "app_feedback", code, new { text = "ニコチンガムが禁煙開始日の後に届いた", category = "Supplies" }),
                Event("f-2", "app_feedback", code, new { text = "", category = "Supplies" }),
            },
        })).Content.ReadFromJsonAsync<EventBatchResponse>();

        Assert.Equal([EventStatus.Accepted, EventStatus.Rejected], response!.Results.Select(r => r.Status));
        await using var c = await factory.Db.OpenAsync();
        var item = await c.QuerySingleAsync<(string Source, string Category, int? CohortId, string Destination, string Description)>(
            "SELECT Source, Category, CohortId, Destination, Description FROM FeedbackItems WHERE Title LIKE 'ニコチンガム%'");
        Assert.Equal(("ParticipantApp", "Supplies"), (item.Source, item.Category));
        Assert.NotNull(item.CohortId);
        Assert.NotEqual("", item.Destination);
        Assert.DoesNotContain(code, item.Description);
    }

    [Theory]
    [InlineData("GET", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("PUT", "application/json", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("POST", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task A_wrong_method_or_media_type_gets_ProblemDetails_never_the_sign_in_page(string method, string? mediaType, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1/events");
        if (mediaType is not null) request.Content = new StringContent("{}", Encoding.UTF8, mediaType);

        var response = await factory.NewClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((int)expected, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
        if (expected == HttpStatusCode.MethodNotAllowed) Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task An_unknown_API_path_gets_a_ProblemDetails_status_not_the_sign_in_page()
    {
        var response = await factory.NewClient().GetAsync("/api/v2/nothing");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
