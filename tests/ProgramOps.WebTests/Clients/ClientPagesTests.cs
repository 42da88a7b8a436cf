using System.Net;
using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;

namespace ProgramOps.WebTests.Clients;

public sealed class ClientPagesTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private static readonly ClientInput Sample = new()
    {
        Name = "テスト工業株式会社",
        NameKana = "テストコウギョウ",
        Kind = ClientKind.Employer,
        Segment = ClientSegment.Enterprise,
        EligiblePopulation = 1200,
        CsStyles = [CsStyle.ProjectManagement],
    };

    [Fact]
    public async Task Viewer_reads_the_list_but_cannot_open_the_create_form()
    {
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var list = await viewer.GetAsync("/clients");
        var create = await viewer.GetAsync("/clients/create");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        Assert.StartsWith("/account/accessdenied", create.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Creating_a_client_normalises_input_records_audit_and_shows_details()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var form = await GetDocumentAsync(bizDev, "/clients/create");

        var response = await PostAsync(bizDev, "/clients/create", FormFields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "  株式会社　サンプル商事  ",
            ["Input.NameKana"] = "さんぷるしょうじ",
            ["Input.Kind"] = "Employer",
            ["Input.EligiblePopulation"] = "3400",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await GetDocumentAsync(bizDev, response.Headers.Location!.OriginalString);
        Assert.Equal("株式会社 サンプル商事", details.QuerySelector("h1")!.ChildNodes[0].TextContent.Trim());
        Assert.Contains("サンプルショウジ", details.Body!.TextContent);
        Assert.Contains("見込み", details.Body.TextContent);

        await using var connection = await factory.Db.OpenAsync();
        var audit = await connection.QuerySingleAsync<(string UserName, string Action, string Changes)>(
            "SELECT UserName, Action, Changes FROM AuditLog WHERE EntityType = 'Client' AND Summary = '株式会社 サンプル商事'");
        Assert.Equal("Created", audit.Action);
        Assert.StartsWith("bizdev", audit.UserName);
        Assert.Contains("\"EligiblePopulation\":{\"Before\":null,\"After\":\"3400\"}", audit.Changes);
    }

    [Fact]
    public async Task A_double_submitted_create_form_creates_one_client()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var fields = FormFields(await GetDocumentAsync(bizDev, "/clients/create"), new Dictionary<string, string>
        {
            ["Input.Name"] = "二重送信テスト株式会社", ["Input.EligiblePopulation"] = "10",
        });

        var first = await PostAsync(bizDev, "/clients/create", fields);
        var second = await PostAsync(bizDev, "/clients/create", fields);

        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Clients WHERE Name = '二重送信テスト株式会社'"));
    }

    [Fact]
    public async Task A_double_submitted_contract_form_adds_one_contract()
    {
        var id = await SeedClientAsync(factory, Sample with { Name = "契約二重送信株式会社" });
        var programId = await SeedProgramAsync(factory, "p4-program");
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var fields = FormFields(await GetDocumentAsync(bizDev, $"/clients/{id}/contracts"), new Dictionary<string, string>
        {
            ["Input.ProgramId"] = programId.ToString(), ["Input.Seats"] = "10", ["Input.PricePerSeatJpy"] = "1000",
            ["Input.StartDate"] = "2026-01-01", ["Input.EndDate"] = "2026-12-31",
        });

        await PostAsync(bizDev, $"/clients/{id}/contracts", fields);
        await PostAsync(bizDev, $"/clients/{id}/contracts", fields);

        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Contracts WHERE ClientId = @id", new { id }));
    }

    [Fact]
    public async Task A_contract_keeps_the_eligible_population_with_its_date_and_pay_for_results_fees()
    {
        var id = await SeedClientAsync(factory, Sample with { Name = "成果報酬契約株式会社" });
        var programId = await SeedProgramAsync(factory, "p5-program");
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var fields = FormFields(await GetDocumentAsync(bizDev, $"/clients/{id}/contracts"), new Dictionary<string, string>
        {
            ["Input.ProgramId"] = programId.ToString(), ["Input.Seats"] = "90", ["Input.PricePerSeatJpy"] = "30000",
            ["Input.StartDate"] = "2026-01-01", ["Input.EndDate"] = "2026-12-31", ["Input.EligiblePopulation"] = "1500",
            ["Input.EligiblePopulationAsOf"] = "2025-12-01", ["Input.FeePerIttSuccessJpy"] = "20000", ["Input.FeePerCompleterJpy"] = "5000",
        });

        var added = await PostAsync(bizDev, $"/clients/{id}/contracts", fields);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await using var connection = await factory.Db.OpenAsync();
        var contract = await connection.QuerySingleAsync<(long Eligible, string AsOf, long? Itt, long? Verified, long? Completer)>(
            "SELECT EligiblePopulation, EligiblePopulationAsOf, FeePerIttSuccessJpy, FeePerVerifiedSuccessJpy, FeePerCompleterJpy FROM Contracts WHERE ClientId = @id", new { id });
        Assert.Equal((1500L, "2025-12-01", 20000L, (long?)null, 5000L), contract);
        var contractId = await connection.ExecuteScalarAsync<int>("SELECT Id FROM Contracts WHERE ClientId = @id", new { id });
        var edit = await GetDocumentAsync(bizDev, $"/clients/{id}/contracts/{contractId}");
        Assert.Equal("1500", edit.QuerySelector("#Input_EligiblePopulation")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Letters_in_a_number_field_get_a_japanese_message()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var form = await GetDocumentAsync(cs, "/clients/create");

        var response = await PostAsync(cs, "/clients/create", FormFields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "数値テスト株式会社", ["Input.EligiblePopulation"] = "たくさん",
        }));

        var page = await ReadDocumentAsync(response);
        Assert.Equal("「たくさん」はこの項目には使えない値です。", page.QuerySelector("[data-valmsg-for='Input.EligiblePopulation']")!.TextContent);
    }

    [Fact]
    public async Task Invalid_client_shows_a_message_per_field_and_saves_nothing()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);
        var form = await GetDocumentAsync(cs, "/clients/create");

        var response = await PostAsync(cs, "/clients/create", FormFields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = " ",
            ["Input.NameKana"] = "ABC",
            ["Input.EligiblePopulation"] = "-5",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ReadDocumentAsync(response);
        Assert.Equal("名称: 名称を入力してください。", page.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent);
        Assert.Contains("カタカナ", page.QuerySelector("[data-valmsg-for='Input.NameKana']")!.TextContent);
        Assert.Contains("0 から", page.QuerySelector("[data-valmsg-for='Input.EligiblePopulation']")!.TextContent);
        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM Clients WHERE NameKana = 'ABC'"));
    }

    [Fact]
    public async Task Changing_the_cs_type_changes_the_touch_model_unless_it_was_set_by_hand()
    {
        var following = await SeedClientAsync(factory, Sample with { Name = "タイプ追従商事", CsType = CsType.Onboarding });
        var byHand = await SeedClientAsync(factory, Sample with { Name = "手動タッチ商事", CsType = CsType.Onboarding, TouchModel = TouchModel.Tech });
        var client = await factory.SignedInClientAsync(Roles.BizDev);

        foreach (var id in new[] { following, byHand })
        {
            var form = await GetDocumentAsync(client, $"/clients/edit/{id}");
            var saved = await PostAsync(client, $"/clients/edit/{id}", FormFields(form, new Dictionary<string, string> { ["Input.CsType"] = "MidTouch" }));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var followingPage = await GetDocumentAsync(client, $"/clients/details/{following}");
        Assert.Equal("Low", followingPage.QuerySelector("[data-touch-model]")!.GetAttribute("data-touch-model"));
        Assert.Contains("ロータッチ", followingPage.QuerySelector("[data-touch-model]")!.TextContent);
        Assert.Contains("CSタイプに従う", followingPage.QuerySelector("[data-touch-model]")!.TextContent);
        var byHandPage = await GetDocumentAsync(client, $"/clients/details/{byHand}");
        Assert.Equal("Tech", byHandPage.QuerySelector("[data-touch-model]")!.GetAttribute("data-touch-model"));
        Assert.Contains("手動で設定", byHandPage.QuerySelector("[data-touch-model]")!.TextContent);
        var byHandForm = await GetDocumentAsync(client, $"/clients/edit/{byHand}");
        Assert.Equal("Tech", byHandForm.QuerySelector("select[name='Input.TouchModel'] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Choosing_follow_the_cs_type_returns_a_hand_set_client_to_its_types_model()
    {
        var id = await SeedClientAsync(factory, Sample with { Name = "追従へ戻す商事", CsType = CsType.AccompanyRoi, TouchModel = TouchModel.Low });
        var client = await factory.SignedInClientAsync(Roles.BizDev);

        var form = await GetDocumentAsync(client, $"/clients/edit/{id}");
        var saved = await PostAsync(client, $"/clients/edit/{id}", FormFields(form, new Dictionary<string, string> { ["Input.TouchModel"] = "" }));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var connection = await factory.Db.OpenAsync();
        var stored = await connection.QuerySingleAsync<(string TouchModel, bool SetByHand)>(
            "SELECT TouchModel, TouchModelSetByHand FROM Clients WHERE Id = @id", new { id });
        Assert.Equal(("High", false), stored);
    }

    [Fact]
    public async Task A_client_keeps_several_styles_shown_as_words_and_found_by_each()
    {
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var fields = FormFields(await GetDocumentAsync(bizDev, "/clients/create"), new Dictionary<string, string>
        {
            ["Input.Name"] = "複数スタイル工業", ["Input.EligiblePopulation"] = "800",
            // A browser posts each ticked box under the same name; the form helper keeps one value per name, so indexed names.
            ["Input.CsStyles[0]"] = "ProjectManagement", ["Input.CsStyles[1]"] = "TaskManagement",
        });
        fields.Remove("Input.CsStyles");

        var created = await PostAsync(bizDev, "/clients/create", fields);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = await GetDocumentAsync(bizDev, created.Headers.Location!.OriginalString);
        Assert.Equal("プロジェクトマネジメント型・タスク管理型", details.QuerySelector("dd[data-cs-styles]")!.TextContent);
        var taskManaged = await GetDocumentAsync(bizDev, "/clients?q=複数スタイル&style=TaskManagement");
        Assert.Equal("プロジェクトマネジメント型・タスク管理型", taskManaged.QuerySelector("tbody td[data-cs-styles]")!.TextContent);
        var consulting = await GetDocumentAsync(bizDev, "/clients?q=複数スタイル&style=Consulting");
        Assert.Null(consulting.QuerySelector("tbody tr"));
        var edit = await GetDocumentAsync(bizDev, $"/clients/edit/{created.Headers.Location!.OriginalString.Split('/').Last()}");
        Assert.Equal(["ProjectManagement", "TaskManagement"], edit.QuerySelectorAll("input[name='Input.CsStyles']:checked").Select(box => box.GetAttribute("value")));
    }

    [Fact]
    public async Task Unticking_every_style_is_refused_naming_the_field_and_saves_nothing()
    {
        var id = await SeedClientAsync(factory, Sample with { Name = "スタイル必須商事", CsStyles = [CsStyle.Consulting] });
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var fields = FormFields(await GetDocumentAsync(bizDev, $"/clients/edit/{id}"), new Dictionary<string, string> { ["Input.EligiblePopulation"] = "999" });
        fields.Remove("Input.CsStyles");

        var refused = await PostAsync(bizDev, $"/clients/edit/{id}", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("CSスタイル: 1つ以上選んでください。", (await ReadDocumentAsync(refused)).QuerySelector("[data-valmsg-for='Input.CsStyles']")!.TextContent);
        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal((1200, CsStyleSet.Bit(CsStyle.Consulting)), await connection.QuerySingleAsync<(int, int)>(
            "SELECT EligiblePopulation, CsStyles FROM Clients WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_refused_naming_who_saved_first()
    {
        var id = await SeedClientAsync(factory, Sample with { Name = "同時編集テスト健保", Kind = ClientKind.HealthInsuranceSociety });
        var first = await factory.SignedInClientAsync(Roles.BizDev);
        var second = await factory.SignedInClientAsync(Roles.ProgramCS);
        var firstForm = await GetDocumentAsync(first, $"/clients/edit/{id}");
        var secondForm = await GetDocumentAsync(second, $"/clients/edit/{id}");

        var firstSave = await PostAsync(first, $"/clients/edit/{id}", FormFields(firstForm, new Dictionary<string, string> { ["Input.EligiblePopulation"] = "5000" }));
        var secondSave = await PostAsync(second, $"/clients/edit/{id}", FormFields(secondForm, new Dictionary<string, string> { ["Input.EligiblePopulation"] = "9999" }));

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var conflict = (await ReadDocumentAsync(secondSave)).QuerySelector(".conflict")!.TextContent;
        Assert.Contains("bizdev", conflict);
        Assert.Contains("上書きはしていません", conflict);
        await using var connection = await factory.Db.OpenAsync();
        Assert.Equal(5000, await connection.ExecuteScalarAsync<int>("SELECT EligiblePopulation FROM Clients WHERE Id = @id", new { id }));
    }

    [Fact]
    public async Task List_searches_by_name_or_kana_filters_sorts_and_pages()
    {
        for (var i = 1; i <= 30; i++)
        {
            await SeedClientAsync(factory, Sample with
            {
                Name = $"ページング商事{i:00}",
                NameKana = $"ページングショウジ{i:00}",
                Segment = i % 2 == 0 ? ClientSegment.Smb : ClientSegment.Enterprise,
                EligiblePopulation = i * 10,
            });
        }

        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var firstPage = await GetDocumentAsync(viewer, "/clients?q=ページング&sort=population&dir=desc");
        var names = firstPage.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        Assert.Equal(25, names.Count);
        Assert.Equal("ページング商事30", names[0]);
        Assert.Contains("30 件中 1–25 件", firstPage.QuerySelector(".pager")!.TextContent);

        var secondPage = await GetDocumentAsync(viewer, "/clients?q=ページング&sort=population&dir=desc&pageNumber=2");
        Assert.Equal(5, secondPage.QuerySelectorAll("tbody tr").Length);

        var byKanaAndSegment = await GetDocumentAsync(viewer, "/clients?q=ショウジ0&segment=Smb");
        Assert.Equal(
            ["ページング商事02", "ページング商事04", "ページング商事06", "ページング商事08"],
            byKanaAndSegment.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));

        var pastTheEnd = await viewer.GetAsync("/clients?q=ページング&sort=population&dir=desc&pageNumber=9");
        Assert.Contains("pageNumber=2", pastTheEnd.Headers.Location!.OriginalString);

        var nothing = await GetDocumentAsync(viewer, "/clients?q=存在しない名前");
        Assert.Equal("該当するデータはありません。", nothing.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task Search_treats_percent_and_underscore_as_literal_text()
    {
        await SeedClientAsync(factory, Sample with { Name = "100%健康株式会社" });
        await SeedClientAsync(factory, Sample with { Name = "1000健康株式会社" });
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await GetDocumentAsync(viewer, "/clients?q=100%25");

        Assert.Equal(["100%健康株式会社"], page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_client_with_contracts_cannot_be_deleted_but_can_be_archived()
    {
        var id = await SeedClientAsync(factory, Sample with { Name = "削除拒否テスト株式会社" });
        var programId = await SeedProgramAsync(factory, "p11-program");
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var contractForm = await GetDocumentAsync(bizDev, $"/clients/{id}/contracts");
        var added = await PostAsync(bizDev, $"/clients/{id}/contracts", FormFields(contractForm, new Dictionary<string, string>
        {
            ["Input.ProgramId"] = programId.ToString(),
            ["Input.Seats"] = "100",
            ["Input.PricePerSeatJpy"] = "30000",
            ["Input.StartDate"] = "2026-04-01",
            ["Input.EndDate"] = "2027-03-31",
            ["Input.Status"] = "Active",
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var deletePage = await GetDocumentAsync(bizDev, $"/clients/delete/{id}");
        Assert.Contains("契約が 1 件あるため削除できません", deletePage.QuerySelector(".conflict")!.TextContent);
        var forcedDelete = await PostAsync(bizDev, $"/clients/delete/{id}", new Dictionary<string, string>
        {
            ["version"] = "1",
            ["__RequestVerificationToken"] = ProgramOpsFactory.AntiforgeryToken(deletePage.DocumentElement.OuterHtml),
        });
        Assert.Equal(HttpStatusCode.OK, forcedDelete.StatusCode);

        var details = await GetDocumentAsync(bizDev, $"/clients/details/{id}");
        var archive = await PostAsync(bizDev, $"/clients/details/{id}?handler=Archive",
            FormFields(details, formSelector: "form[action*='handler=Archive']"));
        Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);

        var list = await GetDocumentAsync(bizDev, "/clients?q=削除拒否テスト");
        Assert.Empty(list.QuerySelectorAll("tbody tr"));
        var withArchived = await GetDocumentAsync(bizDev, "/clients?q=削除拒否テスト&archived=true");
        Assert.Contains("アーカイブ済み", withArchived.QuerySelector("tbody tr")!.TextContent);
    }

    [Fact]
    public async Task A_client_entered_by_mistake_is_deleted_after_confirmation()
    {
        var id = await SeedClientAsync(factory, Sample with { Name = "誤登録株式会社" });
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var confirm = await GetDocumentAsync(admin, $"/clients/delete/{id}");

        var response = await PostAsync(admin, $"/clients/delete/{id}", FormFields(confirm));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/clients/details/{id}")).StatusCode);
    }

    [Fact]
    public async Task Key_person_with_a_bad_email_is_refused_and_a_good_one_is_listed()
    {
        var id = await SeedClientAsync(factory, Sample with { Name = "キーパーソンテスト株式会社" });
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var form = await GetDocumentAsync(bizDev, $"/clients/{id}/keypersons");

        var bad = await PostAsync(bizDev, $"/clients/{id}/keypersons", FormFields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "山田 花子", ["Input.Email"] = "hanako@", ["Input.Role"] = "DecisionMaker",
        }));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("メールアドレス", (await ReadDocumentAsync(bad)).QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent);

        var good = await PostAsync(bizDev, $"/clients/{id}/keypersons", FormFields(form, new Dictionary<string, string>
        {
            ["Input.Name"] = "山田 花子", ["Input.Title"] = "人事部長", ["Input.Email"] = "hanako@example.co.jp", ["Input.Role"] = "DecisionMaker",
        }));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var details = await GetDocumentAsync(bizDev, $"/clients/details/{id}");
        Assert.Contains("山田 花子", details.Body!.TextContent);
        Assert.Contains("意思決定者", details.Body.TextContent);
    }

    [Fact]
    public async Task Contract_dates_are_validated_and_an_active_contract_makes_a_customer_with_a_renewal_date()
    {
        var id = await SeedClientAsync(factory, Sample with { Name = "契約テスト株式会社" });
        var programId = await SeedProgramAsync(factory, "p14-program");
        var bizDev = await factory.SignedInClientAsync(Roles.BizDev);
        var form = await GetDocumentAsync(bizDev, $"/clients/{id}/contracts");
        var fields = new Dictionary<string, string>
        {
            ["Input.ProgramId"] = programId.ToString(), ["Input.Seats"] = "50", ["Input.PricePerSeatJpy"] = "25000",
            ["Input.StartDate"] = "2026-05-01", ["Input.EndDate"] = "2026-04-30", ["Input.Status"] = "Active",
        };

        var bad = await PostAsync(bizDev, $"/clients/{id}/contracts", FormFields(form, fields));
        Assert.Contains("終了日は開始日以降", (await ReadDocumentAsync(bad)).QuerySelector("[data-valmsg-for='Input.EndDate']")!.TextContent);

        var today = TokyoCalendar.Today;
        fields["Input.StartDate"] = today.AddDays(-100).ToString("yyyy-MM-dd");
        fields["Input.EndDate"] = today.AddDays(200).ToString("yyyy-MM-dd");
        var good = await PostAsync(bizDev, $"/clients/{id}/contracts", FormFields(form, fields));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);

        var details = await GetDocumentAsync(bizDev, $"/clients/details/{id}");
        Assert.Contains("契約中", details.QuerySelector("h1")!.TextContent);
        Assert.Contains($"次回更新：{today.AddDays(200):yyyy-MM-dd}（あと200日）", details.QuerySelector("#next-renewal")!.TextContent);
        Assert.Contains("1,250,000", details.Body!.TextContent);
    }

    [Fact]
    public async Task Pages_follow_the_browser_language()
    {
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var request = new HttpRequestMessage(HttpMethod.Get, "/clients");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var response = await viewer.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("<h1>Clients</h1>", html);
    }

    [Fact]
    public async Task Unknown_client_is_not_found()
    {
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/clients/details/999999")).StatusCode);
    }
}
