using ProgramOps.Bench;

// Usage: ProgramOps.Bench insert <clients>
//        ProgramOps.Bench import <rows> [database file to leave one imported cohort in]
//        ProgramOps.Bench feedback <items>
//        ProgramOps.Bench lifecycle <participants>
//        ProgramOps.Bench report <participants>
//        ProgramOps.Bench portfolio <cohorts> <participants>
//        ProgramOps.Bench funnel <cohorts> <participants>
//        ProgramOps.Bench accounts <clients>
//        ProgramOps.Bench revenue <clients> <contracts>
//        ProgramOps.Bench http <base-url> <admin-password> [warm-up s] [measure s] [concurrency] [cohort id] [database file] [bare server url]
//        ProgramOps.Bench events <base-url> <admin-password> <database file> <cohort id> [participants] (the events API alone)
//        ProgramOps.Bench bare-server <url> <database file>   (the baseline pages and /healthz)
return args switch
{
    ["import", var rows, .. var keep] => await ImportBenchmark.RunAsync(int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture), keep.FirstOrDefault()),
    ["insert", var clients] => await InsertBenchmark.RunAsync(int.Parse(clients, System.Globalization.CultureInfo.InvariantCulture)),
    ["lifecycle", var participants] => await LifecycleJobsBenchmark.RunAsync(int.Parse(participants, System.Globalization.CultureInfo.InvariantCulture)),
    ["report", var participants] => await ReportBenchmark.RunAsync(int.Parse(participants, System.Globalization.CultureInfo.InvariantCulture)),
    ["portfolio", var cohorts, var participants] => await PortfolioBenchmark.RunAsync(
        int.Parse(cohorts, System.Globalization.CultureInfo.InvariantCulture), int.Parse(participants, System.Globalization.CultureInfo.InvariantCulture)),
    ["funnel", var cohorts, var participants] => await FunnelBenchmark.RunAsync(
        int.Parse(cohorts, System.Globalization.CultureInfo.InvariantCulture), int.Parse(participants, System.Globalization.CultureInfo.InvariantCulture)),
    ["accounts", var clients] => await AccountsBenchmark.RunAsync(int.Parse(clients, System.Globalization.CultureInfo.InvariantCulture)),
    ["revenue", var clients, var contracts] => await RevenueHealthBenchmark.RunAsync(
        int.Parse(clients, System.Globalization.CultureInfo.InvariantCulture), int.Parse(contracts, System.Globalization.CultureInfo.InvariantCulture)),
    ["feedback", var items] => FeedbackBenchmark.Run(int.Parse(items, System.Globalization.CultureInfo.InvariantCulture)),
    ["bare-server", var url, var file] => await ProgramOps.Bench.Bare.BareServer.RunAsync(url, file),
    ["events", var baseUrl, var password, var file, var cohort, .. var rest] => await HttpBenchmark.RunEventsAsync(
        new Uri(baseUrl), password, file, int.Parse(cohort, System.Globalization.CultureInfo.InvariantCulture),
        rest is [var count] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 50_000),
    ["http", var baseUrl, var password, .. var rest] => await HttpBenchmark.RunAsync(new Uri(baseUrl), password, HttpBenchmarkSettings.From(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: ProgramOps.Bench insert <clients> | import <rows> [database file] | feedback <items> | lifecycle <participants> | report <participants> | portfolio <cohorts> <participants> | funnel <cohorts> <participants> | accounts <clients> | revenue <clients> <contracts> | http <base-url> <admin-password> [warm-up s] [measure s] [concurrency]");
    return 2;
}
