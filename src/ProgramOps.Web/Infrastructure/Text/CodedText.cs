using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;

namespace ProgramOps.Web.Infrastructure.Text;

/// <summary>
/// A sentence the console writes into the database for people to read later (an audit summary, the reason a job moved
/// a participant), stored as a text key and its arguments instead of words, so every reader gets it in their own
/// language. Stored as JSON (<c>{"key":"…","args":[…]}</c>), which typed text never starts with.
/// </summary>
public sealed record CodedText(string Key, IReadOnlyList<string> Args)
{
    private const string Start = "{\"key\":";

    /// <summary>Shown for an argument a text stored before it was kept (or left empty).</summary>
    public const string Missing = "—";

    // Stored text stays readable in the database: letters of every script as they are, not \u escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Encode(string key, params object?[] args) =>
        JsonSerializer.Serialize(new Stored(key, [.. args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")]), Json);

    /// <summary>The coded text, or null for text stored as words (typed by a person, or written before texts were coded).</summary>
    public static CodedText? Decode(string? stored)
    {
        if (stored is null || !stored.StartsWith(Start, StringComparison.Ordinal)) return null;
        try
        {
            return JsonSerializer.Deserialize<Stored>(stored) is { Key: { } key } s ? new CodedText(key, s.Args ?? []) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The coded text, or the one an English sentence written before texts were coded stands for (the first of
    /// <paramref name="legacy"/> that matches the whole of it, its named groups in order as the arguments), or null.
    /// </summary>
    public static CodedText? Read(string? stored, IEnumerable<(Regex Pattern, string Key)> legacy)
    {
        if (stored is null) return null;
        if (Decode(stored) is { } coded) return coded;
        foreach (var (pattern, key) in legacy)
        {
            var match = pattern.Match(stored);
            if (match.Success)
                return new CodedText(key, [.. pattern.GetGroupNames().Where(n => !int.TryParse(n, out _)).Select(n => match.Groups[n].Value)]);
        }

        return null;
    }

    /// <summary>The words of <c>{prefix}{Key}</c> in the reader's language, or null when the texts have no such key.</summary>
    public string? In(IStringLocalizer texts, string prefix, Func<int, string, string?>? wordArgument = null)
    {
        var template = texts[prefix + Key];
        if (template.ResourceNotFound) return null;
        var args = Args.Select((a, i) => a.Length == 0 ? Missing : wordArgument?.Invoke(i, a) ?? a)
            .Concat(Enumerable.Repeat(Missing, MaxArgs)).ToArray<object>();
        return string.Format(CultureInfo.CurrentCulture, template.Value, args);
    }

    /// <summary>Room for arguments a text stored before its newest argument was kept does not have.</summary>
    private const int MaxArgs = 8;

    private sealed record Stored(
        [property: System.Text.Json.Serialization.JsonPropertyName("key")] string Key,
        [property: System.Text.Json.Serialization.JsonPropertyName("args")] string[]? Args);
}
