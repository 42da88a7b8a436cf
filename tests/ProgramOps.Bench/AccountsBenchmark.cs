using System.Diagnostics;
using System.Globalization;
using Dapper;
using ProgramOps.Web.Features.Clients;
using ProgramOps.Web.Features.Clients.Activity;
using ProgramOps.Web.Features.Clients.Renewals;
using ProgramOps.Web.Features.Outcomes;
using ProgramOps.Web.Infrastructure.Data;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.Bench;

/// <summary>
/// The client page's reads (client, key persons, contracts with seats used, the account sections, the timeline, the
/// cohorts' headline figures) for random clients, and the renewal pipeline's query with its forecast, over many clients
/// and contracts. Beside each, in the same run: a bare query of the same rows (a client's contracts; contracts ending in
/// the window).
/// </summary>
public static class AccountsBenchmark
{
    private const int ContractsPerClient = 5;
    private const int Samples = 200;

    public static async Task<int> RunAsync(int clients)
    {
        using var database = new BenchDatabase();
        var db = database.Db;
        var clock = new LocalClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var seeding = Stopwatch.StartNew();
        await SeedAsync(db, clients, clock.Today);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Accounts over {clients:N0} clients and {clients * ContractsPerClient:N0} contracts (2 key persons, 3 activities each); seeded in {seeding.Elapsed.TotalSeconds:F1} s (not timed)"));

        var random = new Random(12);
        var ids = Enumerable.Range(0, Samples).Select(_ => random.Next(1, clients + 1)).ToList();
        var queries = new ClientQueries(db);
        var reader = new Client360Reader(db, clock);
        var timeline = new ClientTimeline(db);
        var portfolio = new Portfolio(db);
        var page = await TimeEachAsync(ids, async id =>
        {
            var client = (await queries.FindAsync(id, CancellationToken.None))!;
            var people = await queries.KeyPersonsAsync(id, CancellationToken.None);
            await queries.ContractsAsync(id, CancellationToken.None);
            await reader.ReadAsync(client, people, CancellationToken.None);
            await timeline.ReadAsync(id, CancellationToken.None);
            await portfolio.ReadAsync(new PortfolioFilter { ClientId = id }, CancellationToken.None);
        });
        var bareClient = await TimeEachAsync(ids, async id =>
        {
            await using var c = await db.OpenAsync();
            await c.QueryAsync("SELECT * FROM Contracts WHERE ClientId = @id", new { id });
        });
        Print("client page reads", page, "bare: the client's contracts", bareClient);

        var runs = Enumerable.Range(0, 20).ToList();
        var rows = 0;
        var pipeline = await TimeEachAsync(runs, async _ =>
        {
            await using var c = await db.OpenAsync();
            var window = new { clock.Today, Until = clock.Today.AddDays(PipelineModel.WindowDays), OwnerId = (int?)null, Skip = 0, Take = ProgramOps.Web.Infrastructure.Web.Paging.DefaultPageSize };
            await c.QueryAsync<PipelineModel.Row>(RenewalPipelineSql.Pipeline(db.Dialect, PipelineSort.EndDate, false), window);
            var found = (await c.QueryAsync<PipelineModel.Row>(RenewalPipelineSql.Window, window)).ToList();
            RenewalForecast.ByMonth(found.Select(r => (r.EndDate, r.ValueJpy, r.Stage)));
            await c.QueryAsync(RenewalPipelineSql.ChangesSince, new { Since = DateTimeOffset.UtcNow.AddDays(-7), OwnerId = (int?)null });
            rows = found.Count;
        });
        var barePipeline = await TimeEachAsync(runs, async _ =>
        {
            await using var c = await db.OpenAsync();
            await c.QueryAsync("SELECT Id, ClientId, EndDate, Seats * PricePerSeatJpy FROM Contracts WHERE Status = 'Active' AND EndDate BETWEEN @from AND @until",
                new { from = clock.Today, until = clock.Today.AddDays(PipelineModel.WindowDays) });
        });
        Print($"renewal pipeline (first page of {rows:N0} contracts, forecast, changes)", pipeline, "bare: contracts ending in the window", barePipeline);
        return 0;
    }

    private static void Print(string what, IReadOnlyList<double> times, string bareWhat, IReadOnlyList<double> bare) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {what}: p50 {Percentile(times, 0.5):F1} ms, p95 {Percentile(times, 0.95):F1} ms; {bareWhat}: p50 {Percentile(bare, 0.5):F1} ms, p95 {Percentile(bare, 0.95):F1} ms"));

    private static double Percentile(IReadOnlyList<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static async Task<IReadOnlyList<double>> TimeEachAsync<T>(IEnumerable<T> items, Func<T, Task> work)
    {
        var times = new List<double>();
        foreach (var item in items)
        {
            var watch = Stopwatch.StartNew();
            await work(item);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    /// <summary>Contracts end from a year ago to two years ahead, so about a sixth of them fall in the pipeline's window.</summary>
    private static Task SeedAsync(Db db, int clients, DateOnly today) => db.InTransactionAsync(async (c, t) =>
    {
        var now = DateTimeOffset.UtcNow;
        using var writer = new ClientBulkWriter(c, t, db.Dialect, "bench");
        var random = new Random(7);
        for (var i = 1; i <= clients; i++)
        {
            var id = await writer.AddClientAsync(new NewClientRecord($"ベンチ商事{i:00000}", $"ベンチショウジ{i:00000}", "Employer", i % 3 == 0 ? "Smb" : "Enterprise",
                1000, "AccompanyUpsell", [i % 4 == 0 ? CsStyle.Consulting : CsStyle.RequiredAction], i % 2 == 0 ? "High" : "Low", null, null, null, null), now, CancellationToken.None);
            await writer.AddKeyPersonAsync(id, new NewKeyPersonRecord("決裁 太郎", "部長", "DecisionMaker", "boss@example.jp", "03-0000-0000"), now, CancellationToken.None);
            await writer.AddKeyPersonAsync(id, new NewKeyPersonRecord("担当 花子", "課長", "HealthContact", "hr@example.jp", "03-0000-0001"), now, CancellationToken.None);
            for (var k = 0; k < ContractsPerClient; k++)
            {
                var end = today.AddDays(random.Next(-365, 730));
                await writer.AddContractAsync(id, new NewContractRecord("禁煙プログラム（3か月）", random.Next(20, 500), 30000, end.AddDays(-364), end, k % 2 == 0, "Active"), now, CancellationToken.None);
            }

            for (var a = 0; a < 3; a++)
            {
                await ClientActivityLog.AppendAsync(c, t, db.Dialect, new ClientActivityEntry(id, ClientActivityKinds.Recorded[a], today.AddDays(-random.Next(0, 120)), "定例の打ち合わせ"),
                    null, "bench", now);
            }
        }
    });
}
