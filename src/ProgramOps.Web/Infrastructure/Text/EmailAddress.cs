using System.Text.RegularExpressions;

namespace ProgramOps.Web.Infrastructure.Text;

/// <summary>Whether a value is an e-mail address mail can be sent to: the one rule for rosters and every e-mail field.</summary>
public static partial class EmailAddress
{
    private const int MaxLength = 254;

    // The local part is a dot-atom (RFC 5322): no dot at either end and no two dots together. Older Japanese mobile
    // carriers handed out addresses such as taro..yamada.@docomo.ne.jp, but mail systems of today refuse to send to them.
    [GeneratedRegex(@"^(?=[^@]{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string address) => address.Length <= MaxLength && Pattern().IsMatch(address);

    /// <summary>The rule for an optional e-mail field of a form.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeEmailAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(address => address is null || IsValid(address));
}
