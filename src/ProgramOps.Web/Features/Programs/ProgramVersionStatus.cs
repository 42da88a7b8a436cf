namespace ProgramOps.Web.Features.Programs;

/// <summary>Draft (editable) → Published (frozen; new cohorts may use it) → Retired (no new cohorts).</summary>
public enum ProgramVersionStatus
{
    Draft,
    Published,
    Retired,
}
