using System.Runtime.CompilerServices;
using System.Text;
using ProgramOps.Web.Features.Cohorts.Roster;

namespace ProgramOps.UnitTests.Roster;

/// <summary>Roster files as bytes, and reading them to the end.</summary>
internal static class RosterFiles
{
    public const int CurrentYear = 2026;

    public const string JapaneseHeader = "社員番号,氏名,フリガナ,メールアドレス,所属,生年";

    public static Encoding ShiftJis { get; } = CreateShiftJis();

    public static byte[] Utf8(string text, bool bom = false) =>
        [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Cp932(string text) => ShiftJis.GetBytes(text);

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public static RosterReadOptions Options(RosterEncoding encoding = RosterEncoding.Auto, RosterColumnMapping? mapping = null) =>
        new() { CurrentYear = CurrentYear, Encoding = encoding, Mapping = mapping ?? new() };

    public static Task<RosterReader> OpenAsync(byte[] file, RosterReadOptions? options = null) => OpenAsync(new MemoryStream(file), options);

    public static async Task<RosterReader> OpenAsync(Stream file, RosterReadOptions? options = null) =>
        await RosterReader.OpenAsync(file, options ?? Options(), TestContext.Current.CancellationToken);

    /// <summary>Reads every row; the reader is returned for its header, encoding and summary.</summary>
    public static async Task<(RosterReader Reader, List<RosterRecord> Records)> ReadAsync(byte[] file, RosterReadOptions? options = null)
    {
        var reader = await OpenAsync(file, options);
        var records = new List<RosterRecord>();
        await foreach (var record in reader.ReadAsync(TestContext.Current.CancellationToken)) records.Add(record);
        await reader.DisposeAsync();
        return (reader, records);
    }

    public static async Task<List<RosterRecord>> RecordsAsync(string text) => (await ReadAsync(Utf8(text))).Records;

    public static string SamplePath(string name, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "scripts", "samples", name));

    public static RosterRowProblem SingleProblem(RosterRecord record) =>
        Assert.Single(Assert.IsType<InvalidRosterRecord>(record).Problems);

    private static Encoding CreateShiftJis()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932);
    }
}
