using System.Globalization;
using System.Text;

namespace ProgramOps.Web.Features.Demo;

/// <summary>
/// Writes a synthetic roster CSV as a client's HR would export it: a Japanese header row, then one employee per
/// row with a realistic name, kana reading, company address, department and birth year. Deterministic per seed.
/// </summary>
public static class DemoRoster
{
    public const string Header = "社員番号,氏名,フリガナ,メールアドレス,部署,生年";

    /// <summary>The CSV text of <paramref name="rows"/> employees, CRLF line ends as Excel writes them.</summary>
    public static IEnumerable<string> Lines(int rows, int seed, string employeePrefix, string mailDomain, int currentYear)
    {
        yield return Header;
        var random = new Random(seed);
        for (var i = 1; i <= rows; i++)
        {
            var surname = DemoNames.Surnames[random.Next(DemoNames.Surnames.Length)];
            var given = DemoNames.GivenNames[random.Next(DemoNames.GivenNames.Length)];
            var department = DemoNames.Departments[random.Next(DemoNames.Departments.Length)];
            var number = string.Create(CultureInfo.InvariantCulture, $"{employeePrefix}{i:000000}");
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{number},{surname.Written} {given.Written},{surname.Kana} {given.Kana},{given.Romaji}.{surname.Romaji}.{i}@{mailDomain},{department},{currentYear - 22 - random.Next(43)}");
        }
    }

    /// <summary>Writes the roster in <paramref name="encoding"/> (UTF-8 or CP932) to <paramref name="output"/>.</summary>
    public static void Write(Stream output, Encoding encoding, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(output, encoding, bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        foreach (var line in lines) writer.WriteLine(line);
    }
}
