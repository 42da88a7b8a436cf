using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using ProgramOps.Web.Infrastructure.Text;
using ProgramOps.Web.Infrastructure.Web;

namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>
/// Normalises and checks the rows of one file in order. It remembers each employee number and e-mail address with
/// the line it was first seen on, which is the only state a read keeps per row — as a 64-bit digest rather than the
/// text, so 100,000 rows hold a few megabytes instead of every value (two different values share a digest about once
/// in 10⁹ rosters of that size).
/// </summary>
/// <param name="expectedRows">About how many rows the file has (<see cref="RosterReadOptions.ExpectedRows"/>); 0 if unknown.</param>
public sealed class RosterRowValidator(RosterHeaderMap header, int currentYear, int expectedRows = 0)
{
    private const int FirstBirthYear = 1900;

    private readonly Dictionary<ulong, int> employeeNumbers = new(expectedRows);
    private readonly Dictionary<ulong, int> emails = new(expectedRows);

    public RosterRecord Validate(int line, RosterRowValues values)
    {
        var problems = new Problems(header);

        var employeeNumber = Required(ref problems, RosterField.EmployeeNumber, values.EmployeeNumber);
        if (employeeNumber.Length > 0 && FirstLine(employeeNumbers, Digest(employeeNumber), line) is { } first)
            problems.Add(RosterProblem.DuplicateEmployeeNumber, RosterField.EmployeeNumber, employeeNumber, first);

        var name = Required(ref problems, RosterField.Name, values.Name);

        var email = Required(ref problems, RosterField.Email, values.Email);
        if (email.Length > 0 && !EmailAddress.IsValid(email)) problems.Add(RosterProblem.MalformedEmail, RosterField.Email, email);
        if (email.Length > 0 && FirstLine(emails, CaseFreeDigest(email), line) is { } firstWithEmail)
            problems.Add(RosterProblem.DuplicateEmail, RosterField.Email, email, firstWithEmail);

        // Optional values that are wrong are warnings: the row is kept without them.
        var kana = Optional(ref problems, RosterField.Kana, JapaneseText.ToKatakana(JapaneseText.Normalize(values.Kana)));
        if (kana is not null && !JapaneseText.IsKatakanaReading(kana)) kana = Drop(ref problems, RosterProblem.KanaNotKatakana, RosterField.Kana, kana);

        var department = Optional(ref problems, RosterField.Department, JapaneseText.Normalize(values.Department));

        var birthYearText = Optional(ref problems, RosterField.BirthYear, JapaneseText.Normalize(values.BirthYear));
        var birthYear = birthYearText is null ? null : ParseYear(birthYearText);
        if (birthYearText is not null && birthYear is null) Drop(ref problems, RosterProblem.InvalidBirthYear, RosterField.BirthYear, birthYearText);

        var person = new RosterPerson(RosterLimits.Echo(employeeNumber), RosterLimits.Echo(name));
        return problems.HasErrors
            ? new InvalidRosterRecord(line, problems.Found!, person)
            : new ValidRosterRecord(line, employeeNumber, name, kana, email, department, birthYear) { Warnings = problems.Found ?? (IReadOnlyList<RosterRowProblem>)[] };
    }

    /// <summary>The normalised value, or empty with its problem when it is missing or too long.</summary>
    private static string Required(ref Problems problems, RosterField field, string raw)
    {
        var value = JapaneseText.Normalize(raw);
        if (value.Length == 0) problems.Add(RosterProblem.MissingValue, field, value);
        else if (value.Length > RosterLimits.MaxLength(field)) return TooLong(ref problems, field, value) ?? "";
        else if (PlainTextModelBinder.HasForbiddenCharacter(value)) return Drop(ref problems, RosterProblem.ControlCharacter, field, Visible(value)) ?? "";
        return value;
    }

    /// <summary>The value, or null when it is empty or too long (a warning).</summary>
    private static string? Optional(ref Problems problems, RosterField field, string value) =>
        value.Length == 0 ? null
        : value.Length > RosterLimits.MaxLength(field) ? TooLong(ref problems, field, value)
        : PlainTextModelBinder.HasForbiddenCharacter(value) ? Drop(ref problems, RosterProblem.ControlCharacter, field, Visible(value))
        : value;

    /// <summary>The value with its control characters shown as U+FFFD, so the problem can be read and sent back.</summary>
    private static string Visible(string value) =>
        string.Create(value.Length, value, (chars, text) =>
        {
            for (var i = 0; i < text.Length; i++) chars[i] = PlainTextModelBinder.HasForbiddenCharacter(text[i].ToString()) ? '\uFFFD' : text[i];
        });

    private static string? TooLong(ref Problems problems, RosterField field, string value) =>
        Drop(ref problems, RosterProblem.TooLong, field, RosterLimits.Echo(value));

    private static string? Drop(ref Problems problems, RosterProblem problem, RosterField field, string value)
    {
        problems.Add(problem, field, value);
        return null;
    }

    /// <summary>The line the value was first seen on, or null (remembering this line) when it is new.</summary>
    private static int? FirstLine(Dictionary<ulong, int> seen, ulong value, int line)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, value, out var exists);
        if (exists) return first;
        first = line;
        return null;
    }

    private static ulong Digest(ReadOnlySpan<char> value) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value));

    /// <summary>Mail systems treat addresses without regard to case, so two spellings are one person.</summary>
    private static ulong CaseFreeDigest(string email)
    {
        Span<char> upper = email.Length <= 512 ? stackalloc char[email.Length] : new char[email.Length];
        email.AsSpan().ToUpperInvariant(upper);
        return Digest(upper);
    }

    private int? ParseYear(string text) =>
        text.Length == 4 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var year && year >= FirstBirthYear && year <= currentYear
            ? year
            : null;

    /// <summary>Collects a row's problems, naming each by the header of its column; no list until there is one.</summary>
    private struct Problems(RosterHeaderMap header)
    {
        public List<RosterRowProblem>? Found { get; private set; }

        public readonly bool HasErrors => Found?.Exists(p => !p.IsWarning) == true;

        public void Add(RosterProblem problem, RosterField field, string value, int? firstLine = null)
        {
            var column = header.ColumnOf(field) is { } index ? RosterLimits.Echo(header.Columns[index].Header) : null;
            (Found ??= []).Add(new RosterRowProblem(problem, field, column, value, firstLine));
        }
    }
}
