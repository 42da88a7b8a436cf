using Microsoft.AspNetCore.Mvc.Rendering;

namespace ProgramOps.Web.Features.Feedback;

/// <summary>Enum values shown in the reader's language: each value's text is the key "TypeName.Value" without the enum's namespace.</summary>
public static class FeedbackLabels
{
    public static string Label<T>(this IStringLocalizer<FeedbackText> text, T value) where T : struct, Enum =>
        text[$"{Prefix<T>()}.{value}"];

    public static IEnumerable<SelectListItem> Options<T>(IStringLocalizer<FeedbackText> text) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(text.Label(v), v.ToString()));

    /// <summary>
    /// A condition that held, as a sentence: "Category: Supplies", "Keyword: ガム", "Did a client ask for it? Yes"; a program
    /// by the name <paramref name="programName"/> gives its code (the code itself without one).
    /// </summary>
    public static string Describe(this IStringLocalizer<FeedbackText> text, MatchedCondition condition, Func<string, string>? programName = null) => condition.Kind switch
    {
        ConditionKind.Source => $"{text["Field.Source"]}: {text.Label(Enum.Parse<FeedbackSource>(condition.Value))}",
        ConditionKind.Category => $"{text["Field.Category"]}: {text.Label(Enum.Parse<FeedbackCategory>(condition.Value))}",
        ConditionKind.Stage => $"{text["Field.Stage"]}: {text.Label(Enum.Parse<FunnelStage>(condition.Value))}",
        ConditionKind.Program => $"{text["Field.Program"]}: {programName?.Invoke(condition.Value) ?? condition.Value}",
        ConditionKind.Keyword => text["Explain.Keyword", condition.Value],
        _ => $"{text[$"Question.{condition.Question}"]} {text.Label(Enum.Parse<ScopeAnswer>(condition.Value))}",
    };

    /// <summary>
    /// A rule's name in the reader's language. A rule (or an explanation) stored before rules had a Japanese name has its
    /// English name only: a default rule's Japanese name then comes from the texts, a typed one shows as typed.
    /// </summary>
    public static string RuleName(this IStringLocalizer<FeedbackText> text, string name, string? nameJa)
    {
        if (System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "ja") return name;
        if (!string.IsNullOrWhiteSpace(nameJa)) return nameJa;
        var word = text[$"DefaultRule.{name}"];
        return word.ResourceNotFound ? name : word.Value;
    }

    private static string Prefix<T>() => typeof(T) == typeof(FeedbackSource) ? "Source"
        : typeof(T) == typeof(FunnelStage) ? "Stage"
        : typeof(T) == typeof(FeedbackCategory) ? "Category"
        : typeof(T) == typeof(ScopeAnswer) ? "Answer"
        : typeof(T) == typeof(FeedbackStatus) ? "Status"
        : typeof(T).Name;
}
