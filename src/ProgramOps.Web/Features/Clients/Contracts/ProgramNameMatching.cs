using System.Text;

namespace ProgramOps.Web.Features.Clients.Contracts;

/// <summary>A program as a contract's free-text name may have named it: its code and every name any version gave it.</summary>
public sealed record ProgramNames(int ProgramId, IReadOnlyCollection<string> Names);

/// <summary>
/// Finds the program a contract's free-text program name meant: names are compared trimmed, width-folded (NFKC: full-width
/// letters and digits, half-width katakana), with runs of spaces as one and case-blind. A name that fits no program, or
/// more than one, is left for a person to choose.
/// </summary>
public static class ProgramNameMatching
{
    public static string Fold(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    public static int? Match(string contractProgramName, IEnumerable<ProgramNames> programs)
    {
        var folded = Fold(contractProgramName);
        if (folded.Length == 0) return null;
        var matches = programs.Where(p => p.Names.Any(n => Fold(n) == folded)).Select(p => p.ProgramId).Distinct().Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }
}
