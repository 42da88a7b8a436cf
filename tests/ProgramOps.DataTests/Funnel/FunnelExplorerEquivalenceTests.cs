using Dapper;
using ProgramOps.DataTests.Demo;
using ProgramOps.TestSupport;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Funnel;
using ProgramOps.Web.Features.Participants;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.DataTests.Funnel;

/// <summary>
/// The funnel explorer's grouped statements against the same funnel counted person by person from ReportingParticipants,
/// on a generated population of a real SQLite file: every kind of selection gives the same steps and check-in curve.
/// </summary>
public sealed class FunnelExplorerEquivalenceTests : IDisposable
{
    private static readonly DateOnly Today = new(2027, 1, 20);

    private readonly TestDatabase _database = new();
    private readonly LocalClock _clock = new(new FixedTime(new DateTimeOffset(2027, 1, 20, 1, 0, 0, TimeSpan.Zero)), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

    public void Dispose() => _database.Dispose();

    private sealed class Person
    {
        public long Id { get; init; }
        public int CohortId { get; init; }
        public int ClientId { get; init; }
        public int? TeamId { get; init; }
        public ParticipantState State { get; init; }
        public ParticipantState? ExitedFrom { get; init; }
        public int StateChangedWeek { get; init; }
        public int HasDepartment { get; init; }
        public string CheckInWeeks { get; init; } = "";
    }

    private sealed record Population(int Enterprise, int Smb, int JointCohort, int FirstProgram, DateOnly FirstStart);

    [Fact]
    public async Task Every_kind_of_selection_counts_as_person_by_person()
    {
        var population = await GenerateAsync();
        FunnelSelection[] selections =
        [
            new(),
            new() { ProgramId = population.FirstProgram },
            new() { ProgramId = population.FirstProgram, Version = 1 },
            new() { Version = 1 },
            new() { ClientId = population.Enterprise },
            new() { ClientId = population.Smb },
            new() { Segment = ClientSegment.Smb },
            new() { Segment = ClientSegment.Enterprise },
            new() { CohortId = population.JointCohort },
            new() { CohortId = population.JointCohort, ClientId = population.Smb },
            new() { StartFrom = population.FirstStart.AddDays(1) },
            new() { StartTo = population.FirstStart.AddDays(100) },
            new() { StartFrom = population.FirstStart.AddDays(1), StartTo = population.FirstStart.AddDays(100) },
            new() { TeamSize = 5 },
            new() { TeamSize = 3 },
            new() { HasDepartment = true },
            new() { HasDepartment = false },
            new() { Segment = ClientSegment.Enterprise, HasDepartment = true, StartTo = population.FirstStart.AddDays(100), TeamSize = 4 },
        ];

        var explorer = new FunnelExplorer(_database.Db, _clock);
        var weekToday = await explorer.WeeksTodayAsync(CancellationToken.None);
        var people = await PeopleAsync();
        foreach (var selection in selections)
        {
            var counted = await explorer.ReadAsync(selection, CancellationToken.None);
            var expected = FunnelExplorer.Read(OneGroupPerPerson(people, selection, await CohortsAsync(), await SegmentsAsync()), weekToday);

            Assert.True(counted.People > 0, $"nobody in {selection}: the population should give every selection people");
            Assert.Equal(expected.Steps, counted.Steps);
            Assert.Equal(expected.CheckIns, counted.CheckIns);
        }
    }

    /// <summary>The selection applied to each person in C#, each person a group of one with their own check-in map.</summary>
    private static IEnumerable<FunnelExplorer.PlaceGroup> OneGroupPerPerson(
        IReadOnlyList<Person> people, FunnelSelection selection, IReadOnlyDictionary<int, (int ProgramId, int Version, DateOnly Start)> cohorts,
        IReadOnlyDictionary<int, ClientSegment> segments)
    {
        var teamSizes = people.Where(p => p.TeamId is not null).GroupBy(p => p.TeamId!.Value).ToDictionary(t => t.Key, t => t.Count());
        return people
            .Where(p => selection.ProgramId is not { } program || cohorts[p.CohortId].ProgramId == program)
            .Where(p => selection.Version is not { } version || cohorts[p.CohortId].Version == version)
            .Where(p => selection.ClientId is not { } client || p.ClientId == client)
            .Where(p => selection.Segment is not { } segment || segments[p.ClientId] == segment)
            .Where(p => selection.CohortId is not { } cohort || p.CohortId == cohort)
            .Where(p => selection.StartFrom is not { } from || cohorts[p.CohortId].Start >= from)
            .Where(p => selection.StartTo is not { } to || cohorts[p.CohortId].Start <= to)
            .Where(p => selection.TeamSize is not { } size || p.TeamId is { } team && teamSizes[team] == size)
            .Where(p => selection.HasDepartment is not { } has || p.HasDepartment == (has ? 1 : 0))
            .Select(p =>
            {
                var week = p.CheckInWeeks.PadRight(FunnelSql.CurveWeeks, '0');
                int CheckedIn(int w) => week[w - 1] == '1' ? 1 : 0;
                return new FunnelExplorer.PlaceGroup
                {
                    CohortId = p.CohortId, State = p.State, ExitedFrom = p.ExitedFrom,
                    ExitWeek = FunnelClassifier.LeftTheProgram(p.State) ? p.StateChangedWeek : 0, People = 1,
                    W1 = CheckedIn(1), W2 = CheckedIn(2), W3 = CheckedIn(3), W4 = CheckedIn(4), W5 = CheckedIn(5), W6 = CheckedIn(6), W7 = CheckedIn(7),
                    W8 = CheckedIn(8), W9 = CheckedIn(9), W10 = CheckedIn(10), W11 = CheckedIn(11), W12 = CheckedIn(12), W13 = CheckedIn(13),
                };
            });
    }

    /// <summary>
    /// Two programs; an enterprise and an SMB client; cohorts that ended, run and have not started, one joint; people in
    /// every state (those who left with and without the state they left), in teams of 3 to 5 or none, with and without a
    /// department, each with a check-in map of their own.
    /// </summary>
    private async Task<Population> GenerateAsync()
    {
        var db = _database.Db;
        var enterprise = await TestData.ClientAsync(db, new ClientInput { Name = "大手製作所", Kind = ClientKind.Employer, Segment = ClientSegment.Enterprise, EligiblePopulation = 1000 });
        var smb = await TestData.ClientAsync(db, new ClientInput { Name = "小町商店", Kind = ClientKind.Employer, Segment = ClientSegment.Smb, EligiblePopulation = 100 });
        var enterpriseContract = await TestData.ActiveContractAsync(db, enterprise, 1000);
        var smbContract = await TestData.ActiveContractAsync(db, smb, 1000);
        var first = await TestData.PublishedProgramAsync(db, "funnel-a");
        var second = await TestData.PublishedProgramAsync(db, "funnel-b");
        var firstStart = new DateOnly(2026, 8, 3);
        var random = new Random(13);
        var joint = 0;
        (int Version, DateOnly Start, bool Joint)[] plans =
        [
            (first, firstStart, false), (first, Today.AddDays(-50), true), (second, Today.AddDays(-2), false),
            (second, Today.AddDays(20), false), (first, firstStart.AddDays(28), false),
        ];
        foreach (var (version, start, isJoint) in plans)
        {
            int[] contracts = isJoint ? [enterpriseContract, smbContract] : [random.Next(2) == 0 ? enterpriseContract : smbContract];
            var cohort = await TestData.CohortAsync(db, $"漏斗 {start:yyyyMMdd}", version, "Running", start, [.. contracts.Select(c => (c, 500))]);
            if (isJoint) joint = cohort;
            foreach (var contract in contracts)
            {
                var ids = await TestData.ParticipantsAsync(db, cohort, contract, 60, "営業部", "", "開発部");
                await PlaceAsync(cohort, start, ids, random);
            }
        }

        await using (var c = await db.OpenAsync())
        {
            // Some rosters give no department column at all.
            await c.ExecuteAsync("UPDATE Participants SET Department = NULL WHERE Id % 7 = 0");
        }

        var firstProgram = await (await db.OpenAsync()).ExecuteScalarAsync<int>("SELECT ProgramId FROM ProgramVersions WHERE Id = @first", new { first });
        return new Population(enterprise, smb, joint, firstProgram, firstStart);
    }

    private async Task PlaceAsync(int cohortId, DateOnly start, IReadOnlyList<long> ids, Random random)
    {
        var states = Enum.GetValues<ParticipantState>();
        ParticipantState[] origins = [ParticipantState.Invited, ParticipantState.Enrolled, ParticipantState.Onboarding, ParticipantState.Active, ParticipantState.AtRisk, ParticipantState.Completed];
        await _database.Db.InTransactionAsync(async (c, t) =>
        {
            var team = 0;
            var left = 0;
            foreach (var id in ids)
            {
                if (left == 0)
                {
                    left = random.Next(3, 6);
                    team = await c.ExecuteScalarAsync<int>(
                        "INSERT INTO Teams (CohortId, Number, FormedAt) VALUES (@cohortId, (SELECT COUNT(*) + 1 FROM Teams WHERE CohortId = @cohortId), '2026-01-01'); SELECT last_insert_rowid();",
                        new { cohortId }, t);
                }

                left--;
                var state = states[random.Next(states.Length)];
                // Any hour of the day: the week a state changed in is counted in Japan time.
                var changedAt = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(random.Next(-24 * 10, 24 * 100));
                var weeks = string.Concat(Enumerable.Range(0, random.Next(0, FunnelSql.CurveWeeks + 3)).Select(_ => random.Next(3) == 0 ? '0' : '1'));
                await c.ExecuteAsync("UPDATE Participants SET State = @state, StateChangedAt = @changedAt, CheckInWeeks = @weeks, TeamId = @teamId WHERE Id = @id",
                    new { state = state.ToString(), changedAt, weeks, teamId = random.Next(6) == 0 ? (int?)null : team, id }, t);
                if (FunnelClassifier.LeftTheProgram(state) && random.Next(5) > 0)
                {
                    await c.ExecuteAsync(
                        "INSERT INTO ParticipantTransitions (ParticipantId, FromState, ToState, TriggerName, Actor, OccurredAt) VALUES (@id, @from, @to, 'Test', 'test', @changedAt)",
                        new { id, from = origins[random.Next(origins.Length)].ToString(), to = state.ToString(), changedAt }, t);
                }
            }
        });
    }

    private async Task<IReadOnlyList<Person>> PeopleAsync()
    {
        await using var c = await _database.Db.OpenAsync();
        return [.. await c.QueryAsync<Person>(
            "SELECT Id, CohortId, ClientId, TeamId, State, ExitedFrom, StateChangedWeek, HasDepartment, CheckInWeeks FROM ReportingParticipants ORDER BY Id")];
    }

    private async Task<IReadOnlyDictionary<int, (int ProgramId, int Version, DateOnly Start)>> CohortsAsync()
    {
        await using var c = await _database.Db.OpenAsync();
        return (await c.QueryAsync<(int Id, int ProgramId, int VersionNumber, DateOnly StartDate)>("SELECT Id, ProgramId, VersionNumber, StartDate FROM ReportingCohorts"))
            .ToDictionary(x => x.Id, x => (x.ProgramId, x.VersionNumber, x.StartDate));
    }

    private async Task<IReadOnlyDictionary<int, ClientSegment>> SegmentsAsync()
    {
        await using var c = await _database.Db.OpenAsync();
        return (await c.QueryAsync<(int Id, string Segment)>("SELECT Id, Segment FROM ReportingClients")).ToDictionary(x => x.Id, x => Enum.Parse<ClientSegment>(x.Segment));
    }
}
