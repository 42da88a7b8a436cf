using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Initiatives;

/// <summary>
/// When an initiative's effect is wearing off (施策の効果が枯れる): its latest measured effect has fallen below a share
/// (default one half) of the first measured effect, or the latest 95% interval reaches zero, so the effect can no longer
/// be told from none. An initiative whose first effect was not above zero never showed an effect to wear off, and
/// fires on the interval alone. No I/O.
/// </summary>
public static class DecayRule
{
    public const double DefaultShare = 0.5;

    public static bool IsWearingOff(RateDifference first, RateDifference latest, double share)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(share);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(share, 1);
        var intervalReachesZero = latest.Lower <= 0 && latest.Upper >= 0;
        var belowShareOfFirst = first.Difference > 0 && latest.Difference < share * first.Difference;
        return intervalReachesZero || belowShareOfFirst;
    }
}
