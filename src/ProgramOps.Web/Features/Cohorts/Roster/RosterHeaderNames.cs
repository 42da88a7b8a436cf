using System.Collections.Frozen;
using System.Text;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Cohorts.Roster;

/// <summary>The header names that HR and insurer exports use for each roster field, in Japanese and English.</summary>
public static class RosterHeaderNames
{
    private static readonly Dictionary<RosterField, string[]> Names = new()
    {
        [RosterField.EmployeeNumber] =
        [
            "社員番号", "従業員番号", "職員番号", "社員コード", "従業員コード", "職員コード", "社員No", "社員ID",
            "被保険者番号", "employee number", "employee id", "employee no", "employee code", "emp id", "emp no",
            "staff id", "staff number",
        ],
        [RosterField.Name] = ["氏名", "名前", "お名前", "姓名", "氏名（漢字）", "漢字氏名", "name", "full name"],
        [RosterField.Kana] =
        [
            "フリガナ", "ふりがな", "カナ", "氏名カナ", "カナ氏名", "氏名フリガナ", "氏名（カナ）", "氏名（フリガナ）",
            "kana", "furigana", "name kana",
        ],
        [RosterField.Email] =
        [
            "メールアドレス", "メール", "Eメール", "Eメールアドレス", "電子メール", "e-mail", "email", "e-mail address",
            "email address", "mail", "mail address",
        ],
        [RosterField.Department] =
            ["部署", "所属", "部署名", "所属部署", "所属名", "部門", "部門名", "department", "dept", "division"],
        [RosterField.BirthYear] = ["生年", "生まれ年", "生年（西暦）", "誕生年", "birth year", "year of birth"],
    };

    private static readonly FrozenDictionary<string, RosterField> Known = Names
        .SelectMany(pair => pair.Value.Select(name => KeyValuePair.Create(Key(name), pair.Key)))
        .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The header names recognised for the field, for the format help.</summary>
    public static IReadOnlyList<string> KnownNames(RosterField field) => Names[field];

    public static RosterField? Match(string header) =>
        Known.TryGetValue(Key(header), out var field) ? field : null;

    /// <summary>
    /// The form headers are compared in: widths folded (NFKC), lower case, without spaces, underscores and
    /// hyphens, so "Employee_No", "employee-no" and "ＥＭＰＬＯＹＥＥ ＮＯ" are one header.
    /// </summary>
    public static string Key(string header)
    {
        var folded = JapaneseText.Normalize(header);
        var key = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '_' || IsHyphen(c)) continue;
            key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }

    // Not the katakana long-vowel mark ー: メール must keep it.
    private static bool IsHyphen(char c) => c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '−';
}
