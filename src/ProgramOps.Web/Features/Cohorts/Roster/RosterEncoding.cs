namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>How the bytes of a roster file are read: detected, or forced by the person importing it.</summary>
public enum RosterEncoding
{
    Auto,
    Utf8,
    /// <summary>Shift_JIS as Excel on Japanese Windows writes it (code page 932, CP932).</summary>
    ShiftJis,
}
