using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Playbooks;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Clients;

/// <summary>The playbook job on a real SQLite file with the seeded default playbooks.</summary>
public sealed class PlaybookJobTests : IDisposable
{
    // Monday 2026-11-30, 10:00 in Tokyo.
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();
    private readonly LocalClock _clock = new(new FixedTime(Now), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    public void Dispose() => _database.Dispose();

    private PlaybookJob Job() => new(_database.Db, _clock, NullLogger<PlaybookJob>.Instance);

    private async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var c = await _database.Db.OpenAsync();
        await c.ExecuteAsync(sql, parameters);
    }

    private async Task<List<(string ConditionKey, string Status, string Reason, string DueOn)>> TasksAsync()
    {
        await using var c = await _database.Db.OpenAsync();
        return [.. await c.QueryAsync<(string, string, string, string)>("SELECT ConditionKey, Status, Reason, DueOn FROM CsActions WHERE Kind = 'PlaybookTask' ORDER BY DueOn")];
    }

    /// <summary>
    /// An Enterprise onboarding client whose contract starts on 2026-12-10 (kick-off due 2026-11-26) and whose cohort
    /// started on 2026-11-25 (the week-1 check due 2026-12-02): the two onboarding tasks within reach today.
    /// </summary>
    private async Task<int> OnboardingClientAsync()
    {
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "導入商事", Segment = ClientSegment.Enterprise, CsType = CsType.Onboarding, EligiblePopulation = 300 });
        var contract = await TestData.ActiveContractAsync(_database.Db, client, 50);
        await ExecuteAsync("UPDATE Contracts SET StartDate = '2026-12-10' WHERE Id = @contract", new { contract });
        var version = await TestData.PublishedProgramAsync(_database.Db, "playbook-smoking");
        await TestData.CohortAsync(_database.Db, "導入コホート", version, "Running", new DateOnly(2026, 11, 25), (contract, 50));
        return client;
    }

    private static async Task<int> TaskIdAsync(System.Data.Common.DbConnection c, string anchor) =>
        await c.ExecuteScalarAsync<int>(
            "SELECT t.Id FROM PlaybookTasks t JOIN Playbooks p ON p.Id = t.PlaybookId WHERE p.Segment = 'Enterprise' AND p.CsType = 'Onboarding' AND t.Anchor = @anchor",
            new { anchor });

    [Fact]
    public async Task A_clients_tasks_in_reach_are_made_once_with_their_instructions_in_both_languages()
    {
        var client = await OnboardingClientAsync();

        Assert.Equal(2, (await Job().RunAsync(CancellationToken.None)).Items);
        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);

        var tasks = await TasksAsync();
        Assert.Equal(["2026-11-26", "2026-12-02"], tasks.Select(t => t.DueOn));
        Assert.StartsWith("PlaybookTask|キックオフ会議を設定し", tasks[0].Reason);
        Assert.EndsWith("|Set up the kick-off meeting and agree the roll-out schedule and contacts with the client", tasks[0].Reason);
        Assert.EndsWith($":{client}:k{await ScalarAsync("SELECT MIN(Id) FROM Contracts")}", tasks[0].ConditionKey);
    }

    [Fact]
    public async Task Editing_a_playbook_leaves_tasks_already_made_and_a_completed_task_is_not_made_again()
    {
        await OnboardingClientAsync();
        await Job().RunAsync(CancellationToken.None);
        await using (var c = await _database.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE PlaybookTasks SET InstructionJa = '新しい指示', InstructionEn = 'New instruction' WHERE Id = @id",
                new { id = await TaskIdAsync(c, "ContractStart") });
        }

        await ExecuteAsync("UPDATE CsActions SET Status = 'Done' WHERE DueOn = '2026-11-26'");

        Assert.Equal(0, (await Job().RunAsync(CancellationToken.None)).Items);
        var tasks = await TasksAsync();
        Assert.Equal(2, tasks.Count);
        Assert.DoesNotContain(tasks, t => t.Reason.Contains("新しい指示", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_of_another_segment_or_type_gets_another_playbooks_tasks()
    {
        var client = await OnboardingClientAsync();
        await ExecuteAsync("UPDATE Clients SET CsType = 'MidTouch' WHERE Id = @client", new { client });

        await Job().RunAsync(CancellationToken.None);

        // Mid-touch has no kick-off; its week-1 e-mail (cohort start + 7) is due on 2026-12-02.
        var task = Assert.Single(await TasksAsync());
        Assert.Equal("2026-12-02", task.DueOn);
        Assert.Contains("E-mail week 1 participation", task.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_cut_off_midway_makes_nothing_and_the_next_run_makes_it_all()
    {
        await OnboardingClientAsync();
        await ExecuteAsync("""
            CREATE TRIGGER CrashMidRun BEFORE INSERT ON CsActions
            WHEN (SELECT COUNT(*) FROM CsActions WHERE Kind = 'PlaybookTask') >= 1
            BEGIN SELECT RAISE(ABORT, 'crash'); END
            """);

        await Assert.ThrowsAnyAsync<Exception>(() => Job().RunAsync(CancellationToken.None));
        Assert.Empty(await TasksAsync());

        await ExecuteAsync("DROP TRIGGER CrashMidRun");
        Assert.Equal(2, (await Job().RunAsync(CancellationToken.None)).Items);
    }

    private async Task<int> ScalarAsync(string sql)
    {
        await using var c = await _database.Db.OpenAsync();
        return await c.ExecuteScalarAsync<int>(sql);
    }
}
