using System.Text.RegularExpressions;

namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>Whether a roster value can be used to send an invitation to.</summary>
public static partial class RosterEmailAddress
{
    private const int MaxLength = 254;

    // Dots are allowed anywhere in the local part: older Japanese mobile carriers handed out addresses such as
    // taro..yamada.@docomo.ne.jp, and they still receive mail.
    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string address) => address.Length <= MaxLength && Pattern().IsMatch(address);
}
