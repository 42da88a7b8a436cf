using Microsoft.AspNetCore.Mvc.Rendering;
using ProgramOps.Web.Features.Funnel;

namespace ProgramOps.Web.Features.Feedback;

/// <summary>Enum values shown in the reader's language: each value's text is the key "TypeName.Value" without the enum's namespace.</summary>
public static class FeedbackLabels
{
    public static string Label<T>(this IStringLocalizer<FeedbackText> text, T value) where T : struct, Enum =>
        text[$"{Prefix<T>()}.{value}"];

    public static IEnumerable<SelectListItem> Options<T>(IStringLocalizer<FeedbackText> text) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(text.Label(v), v.ToString()));

    /// <summary>A condition that held, as a sentence: "Category: Supplies", "Keyword: ガム", "Did a client ask for it? Yes".</summary>
    public static string Describe(this IStringLocalizer<FeedbackText> text, MatchedCondition condition, IStringLocalizer<FunnelText> stages) => condition.Kind switch
    {
        ConditionKind.Source => $"{text["Field.Source"]}: {text.Label(Enum.Parse<FeedbackSource>(condition.Value))}",
        ConditionKind.Category => $"{text["Field.Category"]}: {text.Label(Enum.Parse<FeedbackCategory>(condition.Value))}",
        // Decisions recorded before the one funnel may name a stage it no longer has (Renewal, now no participant stage).
        ConditionKind.Stage => $"{text["Field.Stage"]}: {stages.Stage(Enum.TryParse<FunnelStage>(condition.Value, out var stage) ? stage : null)}",
        ConditionKind.Program => $"{text["Field.Program"]}: {condition.Value}",
        ConditionKind.Keyword => text["Explain.Keyword", condition.Value],
        _ => $"{text[$"Question.{condition.Question}"]} {text.Label(Enum.Parse<ScopeAnswer>(condition.Value))}",
    };

    /// <summary>
    /// A rule's name: the rules a new installation starts with (DefaultRules.json, stored under their English names) in the
    /// reader's language; a name an administrator typed, as typed.
    /// </summary>
    public static string RuleName(this IStringLocalizer<FeedbackText> text, string stored)
    {
        var word = text[$"DefaultRule.{stored}"];
        return word.ResourceNotFound ? stored : word.Value;
    }

    private static string Prefix<T>() => typeof(T) == typeof(FeedbackSource) ? "Source"
        : typeof(T) == typeof(FeedbackCategory) ? "Category"
        : typeof(T) == typeof(ScopeAnswer) ? "Answer"
        : typeof(T) == typeof(FeedbackStatus) ? "Status"
        : typeof(T).Name;
}
