using System.IO.Pipelines;
using System.Text;
using ProgramOps.Web.Features.Cohorts.Roster;
using static ProgramOps.UnitTests.Roster.RosterFiles;

namespace ProgramOps.UnitTests.Roster;

public sealed class RosterStreamingTests
{
    private const int DuplicateEvery = 1000;
    private static readonly string[] Departments = ["人事部", "経理部", "営業部, 東日本課", "製造部"];

    [Theory]
    [InlineData(RosterEncoding.Utf8)]
    [InlineData(RosterEncoding.ShiftJis)]
    public async Task A_hundred_thousand_rows_stream_from_a_file_that_is_never_held_in_memory(RosterEncoding encoding)
    {
        const int rows = 100_000;
        var file = GeneratedRoster(rows, encoding == RosterEncoding.Utf8 ? Encoding.UTF8 : ShiftJis);
        await using var reader = await RosterReader.OpenAsync(file, Options(), TestContext.Current.CancellationToken);
        Assert.Equal(encoding, reader.Encoding);

        var (valid, invalid, lastLine, duplicateFirstLines) = (0, 0, 0, new List<int?>());
        await foreach (var record in reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal(lastLine == 0 ? 2 : lastLine + 1, record.Line);
            lastLine = record.Line;
            if (record is InvalidRosterRecord bad) { invalid++; duplicateFirstLines.Add(Assert.Single(bad.Problems).FirstLine); }
            else valid++;
        }

        Assert.Equal(rows + 1, lastLine);
        Assert.Equal(rows / DuplicateEvery, invalid);
        Assert.Equal(new RosterSummary(rows, valid, invalid), reader.Summary);
        Assert.Equal(rows - invalid, valid);
        // Row i repeats the employee number of row i - 1, which is on the line before it.
        Assert.Equal(
            Enumerable.Range(1, invalid).Select(k => (int?)(k * DuplicateEvery)),
            duplicateFirstLines);
    }

    [Theory]
    [InlineData("roster-sample-utf8.csv", RosterEncoding.Utf8)]
    [InlineData("roster-sample-cp932.csv", RosterEncoding.ShiftJis)]
    public async Task The_sample_files_read_without_problems(string name, RosterEncoding encoding)
    {
        var (reader, records) = await ReadAsync(await File.ReadAllBytesAsync(SamplePath(name), TestContext.Current.CancellationToken));

        Assert.Equal(encoding, reader.Encoding);
        Assert.True(reader.Header.IsComplete);
        Assert.Empty(reader.Header.UnmappedColumns);
        Assert.Equal(new RosterSummary(20, 20, 0), reader.Summary);
        var rows = records.Cast<ValidRosterRecord>().ToList();
        Assert.Contains(rows, r => r.Department == "営業部, 東日本課");
        Assert.All(rows, r => Assert.True(r.Kana is not null && r.Kana.All(c => c is not (>= 'ぁ' and <= 'ゖ') and not (>= 'ｦ' and <= 'ﾟ'))));
    }

    /// <summary>
    /// Writes a roster of <paramref name="rows"/> rows into a pipe as the reader takes them, so the whole file is never
    /// in memory. Every <see cref="DuplicateEvery"/>th row repeats the employee number of the row before it.
    /// </summary>
    private static Stream GeneratedRoster(int rows, Encoding encoding)
    {
        var pipe = new Pipe();
        _ = Task.Run(async () =>
        {
            try
            {
                var text = new StringBuilder(JapaneseHeader).Append("\r\n");
                for (var i = 1; i <= rows; i++)
                {
                    var number = i % DuplicateEvery == 0 ? i - 1 : i;
                    text.Append($"{number:D6},山田 太郎{i},ヤマダ タロウ,taro{i}@example.com,\"{Departments[i % Departments.Length]}\",{1950 + i % 50}\r\n");
                    if (text.Length < 16_000 && i < rows) continue;
                    await pipe.Writer.WriteAsync(encoding.GetBytes(text.ToString()));
                    text.Clear();
                }
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception failure)
            {
                // The reader then fails with it instead of waiting for bytes that never come.
                await pipe.Writer.CompleteAsync(failure);
            }
        });
        return pipe.Reader.AsStream();
    }
}
