using System.Globalization;
using System.Runtime.InteropServices;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>
/// Normalises and checks the rows of one file in order. It remembers each employee number and e-mail address with
/// the line it was first seen on, which is the only state a read keeps per row.
/// </summary>
public sealed class RosterRowValidator(RosterHeaderMap header, int currentYear)
{
    private const int FirstBirthYear = 1900;

    private readonly Dictionary<string, int> employeeNumbers = new(StringComparer.Ordinal);
    // Mail systems treat addresses without regard to case, so two spellings are one person.
    private readonly Dictionary<string, int> emails = new(StringComparer.OrdinalIgnoreCase);

    public RosterRecord Validate(int line, RosterRowValues values)
    {
        var problems = new Problems(header);

        var employeeNumber = JapaneseText.Normalize(values.EmployeeNumber);
        if (employeeNumber.Length == 0) problems.Add(RosterProblem.MissingValue, RosterField.EmployeeNumber, employeeNumber);
        else if (FirstLine(employeeNumbers, employeeNumber, line) is { } first)
            problems.Add(RosterProblem.DuplicateEmployeeNumber, RosterField.EmployeeNumber, employeeNumber, first);

        var name = JapaneseText.Normalize(values.Name);
        if (name.Length == 0) problems.Add(RosterProblem.MissingValue, RosterField.Name, name);

        var kana = JapaneseText.ToKatakana(JapaneseText.Normalize(values.Kana));
        if (!JapaneseText.IsKatakanaReading(kana)) problems.Add(RosterProblem.KanaNotKatakana, RosterField.Kana, kana);

        var email = JapaneseText.Normalize(values.Email);
        if (email.Length == 0) problems.Add(RosterProblem.MissingValue, RosterField.Email, email);
        else if (!EmailAddress.IsValid(email)) problems.Add(RosterProblem.MalformedEmail, RosterField.Email, email);
        if (email.Length > 0 && FirstLine(emails, email, line) is { } firstWithEmail)
            problems.Add(RosterProblem.DuplicateEmail, RosterField.Email, email, firstWithEmail);

        var department = JapaneseText.Normalize(values.Department);

        var birthYearText = JapaneseText.Normalize(values.BirthYear);
        var birthYear = ParseYear(birthYearText);
        if (birthYearText.Length > 0 && birthYear is null)
            problems.Add(RosterProblem.InvalidBirthYear, RosterField.BirthYear, birthYearText);

        return problems.Found is { } found
            ? new InvalidRosterRecord(line, found)
            : new ValidRosterRecord(line, employeeNumber, name, NullIfEmpty(kana), email, NullIfEmpty(department), birthYear);
    }

    /// <summary>The line the value was first seen on, or null (remembering this line) when it is new.</summary>
    private static int? FirstLine(Dictionary<string, int> seen, string value, int line)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, value, out var exists);
        if (exists) return first;
        first = line;
        return null;
    }

    private int? ParseYear(string text) =>
        text.Length == 4 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var year && year >= FirstBirthYear && year <= currentYear
            ? year
            : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>Collects a row's problems, naming each by the header of its column; no list until there is one.</summary>
    private struct Problems(RosterHeaderMap header)
    {
        public List<RosterRowProblem>? Found { get; private set; }

        public void Add(RosterProblem problem, RosterField field, string value, int? firstLine = null)
        {
            var column = header.ColumnOf(field) is { } index ? header.Columns[index].Header : null;
            (Found ??= []).Add(new RosterRowProblem(problem, field, column, value, firstLine));
        }
    }
}
