using Microsoft.Extensions.Localization;
using ProgramOps.Web.Features.Programs;

namespace ProgramOps.Web.Features.Participants;

/// <summary>The lifecycle's states, triggers and guards in the reader's language (ParticipantsText), never as identifiers.</summary>
public static class LifecycleWords
{
    public static string State(this IStringLocalizer<ParticipantsText> text, ParticipantState state) => text[$"State.{state}"];

    public static string Trigger(this IStringLocalizer<ParticipantsText> text, ParticipantTrigger trigger) => text[$"Trigger.{trigger}"];

    /// <summary>A guard with the program version's own figures: {0} at-risk days, {1} drop-out days, {2} weeks.</summary>
    public static string Guard(this IStringLocalizer<ParticipantsText> text, LifecycleGuard guard, ProgramDefinition program) =>
        text[$"Guard.{guard}", program.AtRiskAfterDays, program.DropOutAfterDays, program.DurationWeeks];

    public static string Guards(this IStringLocalizer<ParticipantsText> text, IEnumerable<LifecycleGuard> guards, ProgramDefinition program) =>
        string.Join(text["Guard.Separator"], guards.Select(g => text.Guard(g, program)));
}
