namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>
/// How much of a hostile file is ever held: a roster line is a few hundred bytes, so a line, a field or a header far
/// beyond these is not a roster, and reading it whole would let one upload take the server's memory.
/// </summary>
public static class RosterLimits
{
    /// <summary>The longest line read, in bytes of UTF-8: a hundred times a real roster line.</summary>
    public const int MaxLineBytes = 32 * 1024;

    /// <summary>The most columns a header may have: HR exports run to a few dozen.</summary>
    public const int MaxColumns = 200;

    /// <summary>The longest value a field takes (what its column in Participants holds).</summary>
    public static int MaxLength(RosterField field) => field switch
    {
        RosterField.EmployeeNumber => 50,
        RosterField.Email => 254,
        RosterField.BirthYear => 10,
        _ => 200,
    };

    /// <summary>The most of a file's own text (a header, a value) that a page or a stored problem echoes back.</summary>
    public const int MaxEchoedLength = 100;

    public static string Echo(string text) =>
        text.Length <= MaxEchoedLength ? text : string.Concat(text.AsSpan(0, MaxEchoedLength - 1), "…");
}

/// <summary>What makes a file too large in shape to read.</summary>
public enum RosterLimit
{
    /// <summary>A line longer than <see cref="RosterLimits.MaxLineBytes"/>, such as one line of megabytes or a quote never closed.</summary>
    LineTooLong,
    /// <summary>A header with more than <see cref="RosterLimits.MaxColumns"/> columns.</summary>
    TooManyColumns,
}

/// <summary>The file stops being read at <paramref name="line"/>: it goes beyond one of <see cref="RosterLimits"/>.</summary>
public sealed class RosterLimitException(RosterLimit limit, int line)
    : Exception(limit == RosterLimit.LineTooLong
        ? $"Line {line} is longer than {RosterLimits.MaxLineBytes / 1024} KiB: this is not a roster, or a quote is never closed."
        : $"The header on line {line} has more than {RosterLimits.MaxColumns} columns.")
{
    public RosterLimit Limit { get; } = limit;

    /// <summary>The 1-based line where the offending line (or record) starts.</summary>
    public int Line { get; } = line;
}
