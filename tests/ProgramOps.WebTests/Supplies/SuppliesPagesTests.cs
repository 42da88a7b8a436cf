using System.Net;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Supplies;
using ProgramOps.Web.Infrastructure.Auth;
using ProgramOps.Web.Infrastructure.Time;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Supplies;

public sealed class SuppliesPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private LocalClock Clock => factory.Services.GetRequiredService<LocalClock>();

    /// <summary>An enrolling cohort with <paramref name="enrolled"/> enrolled participants (and one only invited), after the supplies job ran.</summary>
    private async Task<(int CohortId, IReadOnlyList<long> People)> CohortWithDueKitsAsync(string tag, int enrolled)
    {
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, tag);
        var people = await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, enrolled + 1);
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET State = 'Enrolled' WHERE CohortId = @cohortId AND Id < @last", new { cohortId, last = people[^1] });
        }

        await new SuppliesJob(factory.Db, Clock, NullLogger<SuppliesJob>.Instance).RunAsync(CancellationToken.None);
        return (cohortId, people);
    }

    private async Task<List<(long Id, string Status, int Version)>> ShipmentsAsync(int cohortId)
    {
        await using var c = await factory.Db.OpenAsync();
        return [.. await c.QueryAsync<(long, string, int)>("SELECT Id, Status, Version FROM Shipments WHERE CohortId = @cohortId ORDER BY Id", new { cohortId })];
    }

    private static async Task<HttpResponseMessage> ExportAsync(HttpClient client, int cohortId, string? token = null)
    {
        // The page has no export form once nothing is due: a resent form carries what the first one did.
        var page = await client.GetStringAsync($"/supplies/export?cohort={cohortId}");
        return await PostAsync(client, $"/supplies/export?cohort={cohortId}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ProgramOpsFactory.AntiforgeryToken(page),
            ["SubmissionToken"] = token ?? Guid.NewGuid().ToString(),
            ["cohort"] = cohortId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>One participant's exported first kit, and its page as a CS user signed in for it sees it.</summary>
    private async Task<(HttpClient Cs, string UserName, int CohortId, long ShipmentId, AngleSharp.Html.Dom.IHtmlDocument Page)> ExportedShipmentAsync(string tag)
    {
        var (cohortId, _) = await CohortWithDueKitsAsync(tag, 1);
        var (cs, userName) = await factory.SignedInUserAsync(Roles.ProgramCS);
        await ExportAsync(cs, cohortId);
        var id = (await ShipmentsAsync(cohortId)).Single().Id;
        return (cs, userName, cohortId, id, await GetDocumentAsync(cs, $"/supplies/{id}"));
    }

    private static async Task<string[]> CsvLinesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task<HttpResponseMessage> UploadPartnerFileAsync(HttpClient client, byte[] content)
    {
        var token = await ProgramOpsFactory.AntiforgeryTokenAsync(client, "/supplies/import");
        using var body = new MultipartFormDataContent();
        body.Add(new StringContent(token), "__RequestVerificationToken");
        body.Add(new ByteArrayContent(content), "Upload", "partner.csv");
        return await client.PostAsync("/supplies/import", body);
    }

    [Fact]
    public async Task The_list_shows_each_shipment_with_counts_per_status_filters_and_a_search_by_invitation_code()
    {
        var (cohortId, people) = await CohortWithDueKitsAsync("配送一覧", 3);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var list = await GetDocumentAsync(cs, $"/supplies?cohort={cohortId}");
        Assert.Equal(3, list.QuerySelectorAll("tr[data-shipment]").Length);
        Assert.Contains("(3)", list.QuerySelector("[data-status-count='Due']")!.TextContent);
        Assert.Contains("(0)", list.QuerySelector("[data-status-count='Delivered']")!.TextContent);

        var code = people[1].ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        var found = await GetDocumentAsync(cs, $"/supplies?q={code}");
        Assert.Contains($"/participants/{people[1]}", found.QuerySelector("tr[data-shipment]")!.InnerHtml);
        Assert.Single(found.QuerySelectorAll("tr[data-shipment]"));

        var none = await GetDocumentAsync(cs, $"/supplies?cohort={cohortId}&status=Delivered");
        Assert.Empty(none.QuerySelectorAll("tr[data-shipment]"));
        Assert.NotNull(none.QuerySelector("p.empty"));

        var participant = await GetDocumentAsync(cs, $"/participants/{people[0]}");
        Assert.Equal("Due", participant.QuerySelector(".participant-shipments tr[data-shipment]")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task Items_are_named_in_the_readers_language_and_one_stored_without_an_English_name_by_its_week_on_English_pages()
    {
        var (cohortId, people) = await CohortWithDueKitsAsync("配送品目", 2);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        const string japanese = "ニコチンパッチ・ガム 初回キット";

        var english = await GetDocumentAsync(cs, $"/supplies?cohort={cohortId}&culture=en&ui-culture=en");
        Assert.All(english.QuerySelectorAll("tr[data-shipment]"), row => Assert.Contains("Nicotine patch and gum starter kit", row.TextContent));
        Assert.DoesNotContain(japanese, english.QuerySelector("main")!.TextContent);
        var japanesePage = await GetDocumentAsync(cs, $"/supplies?cohort={cohortId}&culture=ja&ui-culture=ja");
        Assert.All(japanesePage.QuerySelectorAll("tr[data-shipment]"), row => Assert.Contains(japanese, row.TextContent));
        var byEnglishName = await GetDocumentAsync(cs, $"/supplies?cohort={cohortId}&item=starter");
        Assert.Equal(2, byEnglishName.QuerySelectorAll("tr[data-shipment]").Length);

        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Shipments SET ItemEn = NULL WHERE ParticipantId = @id", new { id = people[0] });
        }

        var participant = await GetDocumentAsync(cs, $"/participants/{people[0]}?culture=en&ui-culture=en");
        var shipment = participant.QuerySelector(".participant-shipments tr[data-shipment]")!.TextContent;
        Assert.Contains("Shipment of supply week 0", shipment);
        Assert.DoesNotContain(japanese, shipment);
    }

    [Fact]
    public async Task A_roster_name_that_starts_like_a_formula_is_exported_as_text_and_downloaded_again_the_same_way()
    {
        var (cohortId, people) = await CohortWithDueKitsAsync("配送数式", 1);
        await using (var c = await factory.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Participants SET FullName = '=HYPERLINK(\"http://evil.example\",\"x\")', Kana = '@SUM(1)' WHERE Id = @id", new { id = people[0] });
        }

        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var lines = await CsvLinesAsync(await ExportAsync(cs, cohortId));

        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\"'@SUM(1)\",", lines[1]);
        await using (var c = await factory.Db.OpenAsync())
        {
            var exportId = await c.ExecuteScalarAsync<int>("SELECT Id FROM ShipmentExports WHERE CohortId = @cohortId", new { cohortId });
            Assert.Equal(lines, await CsvLinesAsync(await cs.GetAsync($"/supplies/exports?handler=csv&id={exportId}")));
        }
    }

    [Fact]
    public async Task Exporting_marks_the_due_shipments_exported_and_downloads_them_and_a_double_submit_makes_one_export()
    {
        var (cohortId, people) = await CohortWithDueKitsAsync("配送出力", 2);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var token = Guid.NewGuid().ToString();

        var lines = await CsvLinesAsync(await ExportAsync(cs, cohortId, token));

        Assert.Equal(string.Join(",", ShipmentExportFile.Columns), lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(people[0].ToString("D12", System.Globalization.CultureInfo.InvariantCulture), lines[1]);
        Assert.Contains("ニコチンパッチ・ガム 初回キット", lines[1]);
        Assert.All(await ShipmentsAsync(cohortId), s => Assert.Equal("Exported", s.Status));

        var again = await CsvLinesAsync(await ExportAsync(cs, cohortId, token));
        Assert.Equal(lines, again);
        await using (var c = await factory.Db.OpenAsync())
        {
            var exports = (await c.QueryAsync<int>("SELECT Id FROM ShipmentExports WHERE CohortId = @cohortId", new { cohortId })).ToList();
            Assert.Single(exports);
            Assert.Equal(lines, await CsvLinesAsync(await cs.GetAsync($"/supplies/exports?handler=csv&id={exports[0]}")));
            Assert.Equal(1, await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'ShipmentExport' AND EntityId = @id", new { id = exports[0].ToString() }));
        }

        var nothingLeft = await GetDocumentAsync(cs, $"/supplies/export?cohort={cohortId}");
        Assert.Equal("0", nothingLeft.QuerySelector("[data-due-count]")!.GetAttribute("data-due-count"));
        Assert.Null(nothingLeft.QuerySelector("main form[method=post]"));
    }

    [Fact]
    public async Task A_partner_file_with_problems_applies_nothing_and_a_good_one_applies_all_rows_once()
    {
        var (cohortId, _) = await CohortWithDueKitsAsync("配送取込", 3);
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        await ExportAsync(cs, cohortId);
        var ids = (await ShipmentsAsync(cohortId)).Select(s => s.Id).ToList();
        var today = Clock.Today;
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd");

        var bad = await ReadDocumentAsync(await UploadPartnerFileAsync(cs, ShiftJis.GetBytes(string.Join("\r\n",
            "shipment_id,status,date,tracking_number,note",
            $"{ids[0]},shipped,{Day(-1)},TN-1,",
            "999999,shipped," + Day(-1) + ",,",
            $"{ids[1]},delivered,{Day(-1)},,",
            $"{ids[2]},shipped,{Day(1)},,") + "\r\n")));

        Assert.Equal(
            [("3", "shipment_id", "UnknownShipment"), ("4", "status", "Refused"), ("5", "date", "FutureDate")],
            bad.QuerySelectorAll("tr[data-line]").Select(r => (r.GetAttribute("data-line")!, r.GetAttribute("data-column")!, r.GetAttribute("data-problem")!)));
        Assert.All(await ShipmentsAsync(cohortId), s => Assert.Equal("Exported", s.Status));

        var good = ShiftJis.GetBytes(string.Join("\r\n",
            "shipment_id,status,date,tracking_number,note",
            $"{ids[0]},shipped,{Day(-2)},TN-1,",
            $"{ids[0]},delivered,{Day(-1)},,",
            $"{ids[1]},address_problem,{Day(-1)},,番地なし") + "\r\n");
        var applied = await ReadDocumentAsync(await UploadPartnerFileAsync(cs, good));
        Assert.Equal("3", applied.QuerySelector("[data-applied]")!.GetAttribute("data-applied"));
        Assert.Equal(["Delivered", "AddressProblem", "Exported"], (await ShipmentsAsync(cohortId)).Select(s => s.Status));
        await using (var c = await factory.Db.OpenAsync())
        {
            Assert.Equal(3, await c.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM AuditLog WHERE EntityType = 'Shipment' AND EntityId IN @ids AND Action = 'StatusChanged'", new { ids = ids.Select(i => i.ToString()) }));
        }

        var versions = await ShipmentsAsync(cohortId);
        var again = await ReadDocumentAsync(await UploadPartnerFileAsync(cs, good));
        Assert.Equal("0", again.QuerySelector("[data-applied]")!.GetAttribute("data-applied"));
        Assert.Equal(versions, await ShipmentsAsync(cohortId));
    }

    [Fact]
    public async Task A_manual_change_on_a_stale_version_names_who_changed_the_shipment_and_overwrites_nothing()
    {
        var (cs, userName, cohortId, id, page) = await ExportedShipmentAsync("配送手動");
        var stale = FormFields(page, new Dictionary<string, string> { ["Input.To"] = "Shipped", ["Input.Note"] = "電話で発送を確認", ["Input.TrackingNumber"] = "TN-9" });

        var first = await PostAsync(cs, $"/supplies/{id}", stale);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await ReadDocumentAsync(await PostAsync(cs, $"/supplies/{id}",
            new Dictionary<string, string>(stale) { ["Input.To"] = "Returned", ["Input.Note"] = "返送" }));
        Assert.Contains(userName, second.QuerySelector(".conflict")!.TextContent);
        var shipment = (await ShipmentsAsync(cohortId)).Single();
        Assert.Equal("Shipped", shipment.Status);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal("TN-9", await c.ExecuteScalarAsync<string>("SELECT TrackingNumber FROM Shipments WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task Re_sending_a_returned_shipment_by_hand_closes_its_action_at_once()
    {
        var (cs, _, cohortId, id, page) = await ExportedShipmentAsync("配送再送");
        await PostAsync(cs, $"/supplies/{id}", FormFields(page, new Dictionary<string, string> { ["Input.To"] = "Returned", ["Input.Note"] = "宛先不明で返送" }));
        await new SuppliesJob(factory.Db, Clock, NullLogger<SuppliesJob>.Instance).RunAsync(CancellationToken.None);
        var actions = await cs.GetStringAsync($"/actions?cohort={cohortId}");
        Assert.Contains($"/supplies/{id}", actions);

        page = await GetDocumentAsync(cs, $"/supplies/{id}");
        var resent = await PostAsync(cs, $"/supplies/{id}", FormFields(page, new Dictionary<string, string> { ["Input.To"] = "Due", ["Input.Note"] = "住所を確認、再送" }));

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        await using var c = await factory.Db.OpenAsync();
        Assert.Equal("Resolved", await c.ExecuteScalarAsync<string>("SELECT Status FROM CsActions WHERE ShipmentId = @id", new { id }));
        Assert.Equal("Due", (await ShipmentsAsync(cohortId)).Single().Status);
    }

    [Fact]
    public async Task A_move_the_flow_refuses_is_named_with_both_statuses()
    {
        var (cs, _, cohortId, id, page) = await ExportedShipmentAsync("配送拒否");

        var refused = await ReadDocumentAsync(await PostAsync(cs, $"/supplies/{id}",
            FormFields(page, new Dictionary<string, string> { ["Input.To"] = "Delivered", ["Input.Note"] = "配達済みと連絡" })));

        var message = refused.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("出荷データ送付済み", message);
        Assert.Contains("配達済み", message);
        Assert.Equal("Exported", (await ShipmentsAsync(cohortId)).Single().Status);
    }

    [Fact]
    public async Task A_viewer_reads_the_list_but_cannot_export_import_or_change_a_shipment()
    {
        var (cohortId, _) = await CohortWithDueKitsAsync("配送閲覧", 1);
        var id = (await ShipmentsAsync(cohortId)).Single().Id;
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var list = await GetDocumentAsync(viewer, $"/supplies?cohort={cohortId}");
        Assert.Null(list.QuerySelector("a[href^='/supplies/export?']"));
        foreach (var url in new[] { "/supplies/export", "/supplies/import" })
        {
            Assert.StartsWith("/account/accessdenied", (await viewer.GetAsync(url)).Headers.Location!.PathAndQuery);
        }

        var token = await ProgramOpsFactory.AntiforgeryTokenAsync(viewer, $"/supplies/{id}");
        var export = await PostAsync(viewer, $"/supplies/export?cohort={cohortId}",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["SubmissionToken"] = Guid.NewGuid().ToString() });
        Assert.StartsWith("/account/accessdenied", export.Headers.Location!.PathAndQuery);
        var change = await PostAsync(viewer, $"/supplies/{id}",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.To"] = "Shipped", ["Input.Note"] = "x", ["Input.Version"] = "1" });
        Assert.StartsWith("/account/accessdenied", change.Headers.Location!.PathAndQuery);
        Assert.Equal("Due", (await ShipmentsAsync(cohortId)).Single().Status);
    }

    [Fact]
    public async Task An_oversized_partner_file_gets_the_page_with_a_message_and_changes_nothing()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var content = new byte[ImportModel.MaxFileBytes + (128 * 1024)];
        Array.Fill(content, (byte)'a');

        var response = await UploadPartnerFileAsync(cs, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ReadDocumentAsync(response);
        Assert.Contains("10", page.QuerySelector("[data-valmsg-for='Upload']")!.TextContent);
    }
}
