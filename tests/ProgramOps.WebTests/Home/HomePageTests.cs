using Dapper;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Actions;
using ProgramOps.Web.Features.Cohorts.Imports;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Auth;
using static ProgramOps.WebTests.Clients.ClientPages;
using static ProgramOps.WebTests.Imports.ImportPages;

namespace ProgramOps.WebTests.Home;

/// <summary>Each role lands on a home of its own: CS their cohorts and work, BizDev their accounts, Admin what is broken, Viewer an overview.</summary>
public sealed class HomePageTests(ProgramOpsFactory factory) : IClassFixture<ProgramOpsFactory>
{
    private async Task<int> UserIdAsync(string userName)
    {
        await using var c = await factory.Db.OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT Id FROM Users WHERE UserName = @userName", new { userName });
    }

    private async Task ExecuteAsync(string sql, object values)
    {
        await using var c = await factory.Db.OpenAsync();
        await c.ExecuteAsync(sql, values);
    }

    [Fact]
    public async Task Cs_sees_their_cohorts_by_state_with_those_at_risk_kits_and_their_actions_due()
    {
        var (cs, userName) = await factory.SignedInUserAsync(Roles.ProgramCS);
        var me = await UserIdAsync(userName);
        var (mine, contractId, clientId) = await EnrollingCohortAsync(factory, "CSホーム");
        var (others, _, _) = await EnrollingCohortAsync(factory, "他人のコホート");
        await ExecuteAsync("UPDATE Cohorts SET CsOwnerId = @me WHERE Id = @mine", new { me, mine });
        var people = await TestData.ParticipantsAsync(factory.Db, mine, contractId, 5);
        await ExecuteAsync("UPDATE Participants SET State = 'AtRisk' WHERE Id IN @ids", new { ids = people.Take(2) });
        await ExecuteAsync("UPDATE Participants SET State = 'Active' WHERE Id = @id", new { id = people[2] });
        long shipment;
        await using (var c = await factory.Db.OpenAsync())
        {
            shipment = await c.ExecuteScalarAsync<long>(
                """
                INSERT INTO Shipments (ParticipantId, CohortId, Week, Item, DueOn, Status, Version, CreatedAt, UpdatedAt, UpdatedBy)
                VALUES (@p, @mine, 0, 'Kit', '2027-01-04', 'Due', 1, '2027-01-04', '2027-01-04', 'seed');
                SELECT last_insert_rowid();
                """, new { p = people[2], mine });
        }

        await factory.Db.InTransactionAsync((c, t) => CsActions.OpenManyAsync(c, t,
        [
            CsActionRequest.AtRisk(people[0], mine, clientId, 5, new DateOnly(2026, 1, 2)),
            CsActionRequest.ShipmentProblem(shipment, CsActionReason.ShipmentReturned, "Kit", null, 0, people[2], mine, clientId, new DateOnly(2026, 1, 2)),
        ], "system", DateTimeOffset.UtcNow, CancellationToken.None));

        var home = await GetDocumentAsync(cs, "/");

        var row = home.QuerySelector($"[data-home=cohorts] tr[data-cohort='{mine}']")!;
        Assert.Null(home.QuerySelector($"tr[data-cohort='{others}']"));
        Assert.Contains("離脱リスク 2", row.TextContent);
        Assert.Contains("招待済み 2", row.TextContent);
        var cells = row.QuerySelectorAll("td.num").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["2", "1", "1"], cells);
        Assert.Equal($"/cohorts/{mine}/participants?state=AtRisk", row.QuerySelectorAll("td.num a")[0].GetAttribute("href"));
        Assert.Equal(2, home.QuerySelectorAll("[data-home=actions] tr[data-action]").Length);
        Assert.Contains("5 日間チェックインがありません", home.QuerySelector("[data-home=actions]")!.TextContent);
        Assert.Null(home.QuerySelector("[data-home=clients]"));
        Assert.Null(home.QuerySelector("[data-home=failed-jobs]"));
    }

    [Fact]
    public async Task A_new_cs_sees_empty_states_with_links_to_the_lists()
    {
        var cs = await factory.SignedInClientAsync(Roles.ProgramCS);

        var home = await GetDocumentAsync(cs, "/");

        Assert.Contains("担当コホートはありません", home.QuerySelector("[data-home=cs] .empty")!.TextContent);
        Assert.NotNull(home.QuerySelector("[data-home=cs] a[href='/cohorts']"));
        Assert.Contains("期限が近いアクションはありません", home.QuerySelector("[data-home=actions] .empty")!.TextContent);
        Assert.NotNull(home.QuerySelector("[data-home=actions] a[href='/actions?scope=mine']"));
    }

    [Fact]
    public async Task BizDev_sees_their_clients_with_status_and_renewal_the_reports_due_and_renewals_coming()
    {
        var (bizDev, userName) = await factory.SignedInUserAsync(Roles.BizDev);
        var me = await UserIdAsync(userName);
        var (cohortId, contractId, clientId) = await EnrollingCohortAsync(factory, "BizDevホーム");
        var (_, _, someoneElses) = await EnrollingCohortAsync(factory, "他人の顧客");
        var endsSoon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        await ExecuteAsync("UPDATE Clients SET BizDevOwnerId = @me WHERE Id = @clientId", new { me, clientId });
        await ExecuteAsync("UPDATE Contracts SET StartDate = '2026-01-01', EndDate = @endsSoon WHERE Id = @contractId", new { endsSoon, contractId });
        await ExecuteAsync("UPDATE Cohorts SET Status = 'Completed' WHERE Id = @cohortId", new { cohortId });

        var home = await GetDocumentAsync(bizDev, "/");

        var client = home.QuerySelector($"[data-home=clients] tr[data-client='{clientId}']")!;
        Assert.Contains("更新時期", client.TextContent);
        Assert.Contains(endsSoon.ToString("yyyy-MM-dd"), client.TextContent);
        Assert.Null(home.QuerySelector($"tr[data-client='{someoneElses}']"));
        var report = home.QuerySelector($"[data-home=reports] li[data-report='{cohortId}-{clientId}'] a")!;
        Assert.Equal($"/outcomes/{cohortId}/{clientId}", report.GetAttribute("href"));
        Assert.Contains("BizDevホーム商事", home.QuerySelector("[data-home=my-renewals] [data-home=renewals]")!.TextContent);
        Assert.DoesNotContain("他人の顧客", home.QuerySelector("[data-home=my-renewals]")!.TextContent);
        Assert.Null(home.QuerySelector("[data-home=cs]"));
    }

    [Fact]
    public async Task Admin_sees_failed_jobs_and_imports_idle_api_keys_and_locked_out_users()
    {
        var admin = await factory.SignedInClientAsync(Roles.Admin);
        var locked = await UserIdAsync(await factory.CreateUserAsync(Roles.Viewer));
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, "管理ホーム");
        var now = DateTimeOffset.UtcNow;
        await ExecuteAsync(
            "INSERT INTO JobRuns (JobName, StartedAt, FinishedAt, Items, Error, TriggeredBy) VALUES (@name, @now, @now, 0, 'database is locked', 'schedule')",
            new { name = EngagementWatchJob.Key.Name, now });
        await ExecuteAsync(
            """
            INSERT INTO RosterImports (CohortId, ContractId, FileName, FileSha256, FileBytes, RequestedEncoding, Status, FailureReason, UploadedBy, UploadedAt, Version, UpdatedAt)
            VALUES (@cohortId, @contractId, '名簿.csv', 'abc', 10, 'Auto', 'Failed', @reason, 'seed', @now, 1, @now)
            """, new { cohortId, contractId, now, reason = new ImportNotice(ImportNoticeCode.Empty).ToJson() });
        await ExecuteAsync(
            "INSERT INTO ApiKeys (Name, KeyId, ProtectedSecret, CreatedAt, CreatedBy, Version) VALUES ('健保連携キー', 'k-home', 'x', @now, 'seed', 1)", new { now });
        await ExecuteAsync(
            "INSERT INTO SignInLockouts (UserId, ClientAddress, FailedCount, LockedUntil, UpdatedAt) VALUES (@locked, '10.0.0.9', 5, @until, @now)",
            new { locked, until = now.AddMinutes(10), now });

        var home = await GetDocumentAsync(admin, "/");

        var jobs = home.QuerySelector("[data-home=failed-jobs]")!.TextContent;
        Assert.Contains("database is locked", jobs);
        Assert.DoesNotContain(EngagementWatchJob.Key.Name, jobs);
        Assert.Contains("名簿.csv", home.QuerySelector("[data-home=failed-imports]")!.TextContent);
        Assert.Contains("ファイルが空です", home.QuerySelector("[data-home=failed-imports]")!.TextContent);
        Assert.Contains("健保連携キー", home.QuerySelector("[data-home=idle-keys]")!.TextContent);
        Assert.NotNull(home.QuerySelector($"[data-home=locked-users] a[href='/admin/users/edit/{locked}']"));
    }

    [Fact]
    public async Task A_viewer_sees_a_read_only_overview_that_counts_participants_without_naming_them()
    {
        var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var (cohortId, contractId, _) = await EnrollingCohortAsync(factory, "閲覧ホーム");
        await TestData.ParticipantsAsync(factory.Db, cohortId, contractId, 3);

        var home = await GetDocumentAsync(viewer, "/");

        var row = home.QuerySelector($"[data-home=overview] tr[data-cohort='{cohortId}']")!;
        Assert.Contains("招待済み 3", row.TextContent);
        Assert.DoesNotMatch(@"参加者 \d", home.Body!.TextContent);
        Assert.Null(home.QuerySelector("[data-home=cs]"));
        Assert.Null(home.QuerySelector("[data-home=actions]"));
    }
}
