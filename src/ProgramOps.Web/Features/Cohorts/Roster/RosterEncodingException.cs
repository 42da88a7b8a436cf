namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>Part of the file is not text in the encoding it is read in (detected from its start, or chosen).</summary>
public sealed class RosterEncodingException(RosterEncoding encoding, int line)
    : Exception(encoding == RosterEncoding.Utf8
        ? $"The file is not valid UTF-8 at line {line}: save the file as UTF-8 or choose Shift_JIS."
        : $"The file is not valid Shift_JIS at line {line}: save the file as Shift_JIS or choose UTF-8.")
{
    /// <summary>The encoding the file was read in: <see cref="RosterEncoding.Utf8"/> or <see cref="RosterEncoding.ShiftJis"/>.</summary>
    public RosterEncoding Encoding { get; } = encoding;

    /// <summary>The 1-based line holding the first byte that could not be decoded.</summary>
    public int Line { get; } = line;
}
