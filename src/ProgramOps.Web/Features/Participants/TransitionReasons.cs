using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using ProgramOps.Web.Infrastructure.Text;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// The reasons the jobs and the app's events give for a step in a participant's history, stored coded
/// (<see cref="CodedText"/>) and worded for each reader (ParticipantsText "TransitionReason.{key}"); a reason staff typed
/// is shown as typed. Reasons written before they were coded are English sentences, recognised by <see cref="Legacy"/>.
/// </summary>
public static class TransitionReasons
{
    public const string NoCheckIn = nameof(NoCheckIn);
    public const string NoFinalAnswer = nameof(NoFinalAnswer);
    public const string NeverLinked = nameof(NeverLinked);
    public const string QuitDay = nameof(QuitDay);

    private static readonly IReadOnlyList<(Regex Pattern, string Key)> Legacy =
    [
        (new Regex(@"^no check-in for (?<days>\d+) days$", RegexOptions.ExplicitCapture), NoCheckIn),
        (new Regex("^no final assessment answer by the deadline$", RegexOptions.ExplicitCapture), NoFinalAnswer),
        (new Regex(@"^quit day (?<day>\d{4}-\d{2}-\d{2})$", RegexOptions.ExplicitCapture), QuitDay),
    ];

    public static string NoCheckInFor(int days) => CodedText.Encode(NoCheckIn, days);

    public static string QuitDayOn(DateOnly day) => CodedText.Encode(QuitDay, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    public static string Reason(this IStringLocalizer<ParticipantsText> text, string? stored) =>
        CodedText.Read(stored, Legacy)?.In(text, "TransitionReason.") ?? stored ?? "";
}
