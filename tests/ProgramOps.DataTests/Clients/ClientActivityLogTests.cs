using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Clients.KeyPersons;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Clients;

/// <summary>The activity log's write API and its readers on a real SQLite file.</summary>
public sealed class ClientActivityLogTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 3, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private Task<int?> AppendAsync(ClientActivityEntry entry) =>
        _database.Db.InTransactionAsync((c, t) => ClientActivityLog.AppendAsync(c, t, _database.Db.Dialect, entry, null, "test", Now));

    private async Task<int> KeyPersonAsync(int clientId, string name, KeyPersonRole role) =>
        await _database.Db.InTransactionAsync((c, t) => c.ExecuteScalarAsync<int>(KeyPersonsSql.Insert + _database.Db.Dialect.SelectNewId,
            new KeyPersonInput { Name = name, Role = role }.ToParameters(clientId, Now, "test"), t));

    private async Task<int> CountAsync(int clientId)
    {
        await using var c = await _database.Db.OpenAsync();
        return await c.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM ClientActivities WHERE ClientId = @clientId", new { clientId });
    }

    [Fact]
    public async Task A_system_entry_is_added_once_however_often_its_event_is_recorded()
    {
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "冪等商事" });
        var entry = new ClientActivityEntry(client, ClientActivityKind.RenewalActionOpened, new DateOnly(2026, 11, 30), "禁煙 2027-02-28",
            SystemKey: "renewal:ContractRenewal:7:90");

        var first = await AppendAsync(entry);
        var second = await AppendAsync(entry);
        var third = await AppendAsync(entry with { OccurredOn = new DateOnly(2026, 12, 1) });

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Null(third);
        Assert.Equal(1, await CountAsync(client));
    }

    [Fact]
    public async Task Staff_entries_without_a_key_are_all_kept()
    {
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "面談商事" });
        var entry = new ClientActivityEntry(client, ClientActivityKind.Meeting, new DateOnly(2026, 11, 30), "定例");

        await AppendAsync(entry);
        await AppendAsync(entry);

        Assert.Equal(2, await CountAsync(client));
    }

    [Fact]
    public async Task An_entry_naming_another_clients_key_person_is_refused_and_nothing_is_written()
    {
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "自社" });
        var other = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "他社" });
        var stranger = await KeyPersonAsync(other, "他社 太郎", KeyPersonRole.DecisionMaker);

        await Assert.ThrowsAsync<ArgumentException>(() => AppendAsync(
            new ClientActivityEntry(client, ClientActivityKind.Call, new DateOnly(2026, 11, 30), "電話", KeyPersonIds: [stranger])));

        Assert.Equal(0, await CountAsync(client));
    }

    [Fact]
    public async Task Last_touches_count_meetings_calls_and_emails_per_client_and_per_key_person()
    {
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "接触商事" });
        var untouched = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "未接触商事" });
        var boss = await KeyPersonAsync(client, "部長 一郎", KeyPersonRole.DecisionMaker);
        var contact = await KeyPersonAsync(client, "担当 花子", KeyPersonRole.HealthContact);
        await AppendAsync(new(client, ClientActivityKind.Meeting, new DateOnly(2026, 10, 1), "キックオフ", KeyPersonIds: [boss, contact]));
        await AppendAsync(new(client, ClientActivityKind.Email, new DateOnly(2026, 11, 2), "資料送付", KeyPersonIds: [contact]));
        // Notes and system entries are not touches, however recent.
        await AppendAsync(new(client, ClientActivityKind.Note, new DateOnly(2026, 11, 20), "社内メモ", KeyPersonIds: [boss]));
        await AppendAsync(new(client, ClientActivityKind.ReportIssued, new DateOnly(2026, 11, 25), "v1", SystemKey: "report:1"));
        await AppendAsync(new(untouched, ClientActivityKind.Note, new DateOnly(2026, 11, 25), "メモ"));

        await using var c = await _database.Db.OpenAsync();
        var perClient = await ClientTouches.LastTouchPerClientAsync(c, null, default);
        var perPerson = await ClientTouches.LastTouchPerKeyPersonAsync(c, client, default);

        Assert.Equal(new DateOnly(2026, 11, 2), perClient[client]);
        Assert.False(perClient.ContainsKey(untouched));
        Assert.Equal(new DateOnly(2026, 11, 2), await ClientTouches.LastTouchOfClientAsync(c, client, default));
        Assert.Null(await ClientTouches.LastTouchOfClientAsync(c, untouched, default));
        Assert.Equal(new DateOnly(2026, 10, 1), perPerson[boss]);
        Assert.Equal(new DateOnly(2026, 11, 2), perPerson[contact]);
    }

    [Fact]
    public async Task The_segments_touch_settings_start_at_their_defaults()
    {
        await using var c = await _database.Db.OpenAsync();
        var settings = await ClientTouches.SettingsAsync(c, null, default);

        Assert.Equal([(ClientSegment.Enterprise, 30), (ClientSegment.Smb, 60)], settings.Select(s => (s.Segment, s.NoTouchDays)));
    }

    [Fact]
    public async Task The_renewals_job_logs_each_renewal_action_it_opens_once()
    {
        var clock = new LocalClock(new FixedTime(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var client = await TestData.ClientAsync(_database.Db, new ClientInput { Name = "更新記録健保", Kind = ClientKind.HealthInsuranceSociety });
        var contract = await TestData.ActiveContractAsync(_database.Db, client, 50);
        await using (var c = await _database.Db.OpenAsync())
        {
            await c.ExecuteAsync("UPDATE Contracts SET EndDate = '2027-01-20' WHERE Id = @contract", new { contract });
        }

        var job = new RenewalsJob(_database.Db, clock, NullLogger<RenewalsJob>.Instance);
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        await using var connection = await _database.Db.OpenAsync();
        var logged = (await connection.QueryAsync<(string Kind, string OccurredOn, string Summary)>(
            "SELECT Kind, OccurredOn, Summary FROM ClientActivities WHERE ClientId = @client", new { client })).Single();
        Assert.Equal(("RenewalActionOpened", "2026-11-23"), (logged.Kind, logged.OccurredOn));
        Assert.EndsWith("2027-01-20", logged.Summary);
    }
}
