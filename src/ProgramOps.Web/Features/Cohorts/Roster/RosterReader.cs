using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>
/// Reads a client's roster CSV one row at a time: the encoding is chosen and the header mapped when it opens, then
/// <see cref="ReadAsync"/> streams each row as valid or with its problems. Nothing but the employee numbers and
/// e-mail addresses seen so far (for duplicates) is kept, so memory stays flat however long the file is.
/// </summary>
/// <remarks>
/// Asynchronous because the file comes from an upload: reading it must not hold a request thread while it waits.
/// The CSV grammar (quotes, escaped quotes, line breaks in fields, line numbers) is CsvHelper's.
/// </remarks>
public sealed class RosterReader : IAsyncDisposable
{
    private readonly CsvReader csv;
    private readonly RosterRowValidator validator;
    // Quoting faults CsvHelper found, by the line their record starts on, until that record is read.
    private readonly Dictionary<long, CsvMalformedReason> malformedLines;
    private bool started;
    private int valid;
    private int invalid;

    private RosterReader(CsvReader csv, Dictionary<long, CsvMalformedReason> malformedLines, RosterEncoding encoding,
        RosterHeaderMap header, RosterReadOptions options)
    {
        this.csv = csv;
        this.malformedLines = malformedLines;
        Encoding = encoding;
        Header = header;
        validator = new RosterRowValidator(header, options.CurrentYear, options.ExpectedRows);
    }

    /// <summary>The encoding the file is read in, as detected or forced.</summary>
    public RosterEncoding Encoding { get; }

    /// <summary>The columns and their fields. Rows can be read only when it <see cref="RosterHeaderMap.IsComplete"/>.</summary>
    public RosterHeaderMap Header { get; }

    /// <summary>The counts so far; final once <see cref="ReadAsync"/> has been enumerated to the end.</summary>
    public RosterSummary Summary => new(valid + invalid, valid, invalid);

    /// <summary>Detects the encoding from the first chunk of <paramref name="stream"/> and reads the header row.</summary>
    /// <param name="stream">The file, read from its current position and left open.</param>
    /// <exception cref="RosterEncodingException">The header is not valid in the encoding.</exception>
    public static async Task<RosterReader> OpenAsync(Stream stream, RosterReadOptions options, CancellationToken cancellationToken = default)
    {
        var text = await RosterDecodingStream.OpenAsync(stream, options.Encoding, cancellationToken);
        var malformedLines = new Dictionary<long, CsvMalformedReason>();
        var csv = CsvReader.Create(text, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformedLines[record.LineNumber] = record.Reason,
            // The reader's buffer grows for a long record up to about twice this, and no further.
            BufferSize = RosterLimits.MaxLineBytes / 2,
            MaxRecordSize = RosterLimits.MaxLineBytes,
        });
        try
        {
            await WithinLimitsAsync(async () =>
            {
                await csv.ReadHeaderAsync(cancellationToken);
                return true;
            }, lineBefore: 0);
            if (csv.Headers.Count > RosterLimits.MaxColumns) throw new RosterLimitException(RosterLimit.TooManyColumns, 1);
        }
        catch
        {
            await csv.DisposeAsync();
            throw;
        }
        var header = RosterHeaderMap.Resolve(csv.Headers, options.Mapping);
        return new RosterReader(csv, malformedLines, text.Encoding, header, options);
    }

    /// <summary>The data rows in file order; rows whose fields are all empty are skipped. Can be enumerated once.</summary>
    /// <exception cref="InvalidOperationException">The header is not complete, or the rows were already read.</exception>
    /// <exception cref="RosterEncodingException">A later part of the file is not valid in the encoding.</exception>
    public async IAsyncEnumerable<RosterRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Header.IsComplete)
            throw new InvalidOperationException("Required fields are missing or claimed by several columns: map the columns first.");
        if (started) throw new InvalidOperationException("The rows of a roster file can be read once.");
        started = true;
        var line = 1;
        while (await WithinLimitsAsync(() => csv.ReadAsync(cancellationToken), line))
        {
            line = (int)csv.LineNumber;
            var malformed = malformedLines.Remove(line, out var reason);
            if (IsBlank()) continue;
            var record = malformed ? Reject(line, RosterProblem.MalformedQuotes, reason.ToString())
                : csv.FieldCount > Header.Columns.Count ? RejectColumnCount(line, RosterProblem.TooManyColumns)
                : csv.FieldCount < Header.Columns.Count ? RejectColumnCount(line, RosterProblem.TooFewColumns)
                : validator.Validate(line, Values());
            if (record is ValidRosterRecord) valid++;
            else invalid++;
            yield return record;
        }
    }

    public ValueTask DisposeAsync() => csv.DisposeAsync();

    /// <summary>Reads on, turning CsvHelper's refusal of an over-long record into the line it starts on.</summary>
    /// <remarks>Quoting faults are recovered and reported per row, so the only format error left is the size limit.</remarks>
    private static async ValueTask<bool> WithinLimitsAsync(Func<ValueTask<bool>> read, int lineBefore)
    {
        try
        {
            return await read();
        }
        catch (CsvFormatException tooLong)
        {
            throw new RosterLimitException(RosterLimit.LineTooLong, tooLong.LineNumber > 0 ? (int)tooLong.LineNumber : lineBefore + 1);
        }
    }

    private bool IsBlank()
    {
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var first = csv.GetSpan(i).IndexOfAnyExcept(" \t\r\n"u8);
            if (first < 0) continue;
            // Past spaces, tabs and line breaks, an ASCII byte is text; other characters may still be white space, such as 　.
            if (csv.GetSpan(i)[first] < 0x80 || !string.IsNullOrWhiteSpace(csv.GetString(i))) return false;
        }
        return true;
    }

    private RosterRowValues Values() => new(
        Value(RosterField.EmployeeNumber), Value(RosterField.Name), Value(RosterField.Kana),
        Value(RosterField.Email), Value(RosterField.Department), Value(RosterField.BirthYear));

    private string Value(RosterField field) => Header.ColumnOf(field) is { } index ? csv.GetString(index) : string.Empty;

    private InvalidRosterRecord RejectColumnCount(int line, RosterProblem problem) =>
        Reject(line, problem, csv.FieldCount.ToString(CultureInfo.InvariantCulture));

    private InvalidRosterRecord Reject(int line, RosterProblem problem, string value) =>
        new(line, [new RosterRowProblem(problem, Field: null, Column: null, value)], new RosterPerson(
            RosterLimits.Echo(JapaneseText.Normalize(ValueIfPresent(RosterField.EmployeeNumber))),
            RosterLimits.Echo(JapaneseText.Normalize(ValueIfPresent(RosterField.Name)))));

    /// <summary>The field's value where the row reaches its column (a row with too few columns may not).</summary>
    private string ValueIfPresent(RosterField field) =>
        Header.ColumnOf(field) is { } index && index < csv.FieldCount ? csv.GetString(index) : string.Empty;
}
