using System.Text;

namespace ProgramOps.Web.Features.Account;

public static class PasswordRules
{
    public const int MinimumLength = 12;

    /// <summary>
    /// The rules every new password meets, wherever it is chosen (own change, admin reset, a client user's invitation):
    /// <paramref name="signInName"/> is what the account signs in with, named in the message by <paramref name="builtFromSignInName"/>.
    /// </summary>
    public static IRuleBuilderOptions<T, string> MustBeAcceptablePassword<T>(
        this IRuleBuilder<T, string> rule, Func<T, string> signInName, IStringLocalizer<AccountText> text,
        string builtFromSignInName = "ChangePassword.SameAsUserName") =>
        rule
            .Must(p => (p ?? "").Length >= MinimumLength).WithMessage(_ => text["ChangePassword.TooShort", MinimumLength])
            .Must((model, p) => !GuessablePasswords.IsBuiltFrom(p ?? "", signInName(model)))
            .WithMessage(_ => text[builtFromSignInName])
            .Must(p => (p ?? "").Length < MinimumLength || !GuessablePasswords.IsGuessable(p!))
            .WithMessage(_ => text["ChangePassword.TooCommon"]);
}

/// <summary>
/// What guessing tools try first, beyond length: the user name in any case or spelling (h4n4k0), common passwords and
/// words with digits and symbols around them (Password2026!, p@ssw0rd123), repeated or sequential characters. No I/O.
/// </summary>
public static class GuessablePasswords
{
    /// <summary>The words breached-password lists are made of (lower case, letters only), this product's name included.</summary>
    private static readonly HashSet<string> CommonWords =
    [
        "password", "passwd", "pass", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "letmein", "welcome",
        "admin", "administrator", "root", "user", "login", "iloveyou", "monkey", "dragon", "sunshine", "princess", "football",
        "baseball", "soccer", "master", "shadow", "superman", "batman", "michael", "charlie", "jordan", "hello", "freedom",
        "whatever", "trustno", "starwars", "pokemon", "naruto", "sakura", "tokyo", "nihon", "nippon", "japan", "changeme",
        "secret", "default", "guest", "test", "temp", "abc", "abcdef", "computer", "internet", "samsung", "google", "apple",
        "summer", "winter", "spring", "autumn", "january", "december", "programops", "program", "health", "company",
    ];

    private const string Sequences = "abcdefghijklmnopqrstuvwxyz 01234567890 qwertyuiop asdfghjkl zxcvbnm 1qaz2wsx3edc4rfv";

    public static bool IsBuiltFrom(string password, string userName)
    {
        if (userName.Trim().Length == 0) return false;
        if (password.Contains(userName.Trim(), StringComparison.OrdinalIgnoreCase)) return true;
        var name = Unleet(userName);
        return name.Length >= 3 && (Unleet(password).Contains(name, StringComparison.Ordinal) || Unleet(Reverse(password)).Contains(name, StringComparison.Ordinal));
    }

    public static bool IsGuessable(string password)
    {
        var lower = password.ToLowerInvariant();
        if (lower.Distinct().Count() < 5) return true;
        if (IsSequence(lower) || IsSequence(Reverse(lower))) return true;
        var core = Unleet(password.TrimStart(NotPartOfWord).TrimEnd([.. NotPartOfWord, '@', '$']));
        return core.Length == 0 || IsRepetitionOfCommonWord(core);
    }

    private static bool IsRepetitionOfCommonWord(string core) =>
        CommonWords.Any(word => core.Length % word.Length == 0 && core == string.Concat(Enumerable.Repeat(word, core.Length / word.Length)));

    /// <summary>Every character follows the one before it on a keyboard row or in the alphabet or digits.</summary>
    private static bool IsSequence(string lower) =>
        Enumerable.Range(1, lower.Length - 1).All(i => Sequences.Contains(string.Concat(lower[i - 1], lower[i]), StringComparison.Ordinal));

    /// <summary>What people put before and after a word ("2026!", "123"); '@' and '$' in front stand for letters.</summary>
    private static readonly char[] NotPartOfWord = [.. "0123456789!#%^&*()-_=+[]{};:'\",.<>/?`~| "];

    /// <summary>The letters, with the usual look-alike digits and symbols read as letters (p@ssw0rd → password).</summary>
    private static string Unleet(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var letter = c switch { '0' => 'o', '1' or '!' or '|' => 'i', '3' => 'e', '4' or '@' => 'a', '5' or '$' => 's', '7' or '+' => 't', '8' => 'b', _ => c };
            if (char.IsLetter(letter)) letters.Append(letter);
        }

        return letters.ToString();
    }

    private static string Reverse(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
