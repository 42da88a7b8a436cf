using System.Globalization;
using System.Text.RegularExpressions;

namespace ProgramOps.Web.Features.Participants;

/// <summary>
/// Whether the signed-in user sees participants' personal fields (name, kana, e-mail, employee number, birth year,
/// department, invitation code): only those who run cohorts do (<see cref="Policies.ReadPersonalData"/>). Everyone else
/// sees a participant as a pseudonymous label, and finds them only by it.
/// </summary>
public sealed partial class ParticipantPrivacy(IHttpContextAccessor accessor, IAuthorizationService authorization)
{
    private bool? showsPersonalData;

    public async ValueTask<bool> ShowsPersonalDataAsync() =>
        showsPersonalData ??= accessor.HttpContext?.User is { } user && (await authorization.AuthorizeAsync(user, Policies.ReadPersonalData)).Succeeded;

    /// <summary>The label that stands for a participant where their name may not be shown: it says nothing about the person.</summary>
    public static string Pseudonym(long participantId) => string.Create(CultureInfo.InvariantCulture, $"P-{participantId:D6}");

    /// <summary>The participant a typed label stands for ("P-000123", "p123", full-width too), or null when it is not one.</summary>
    public static long? ParsePseudonym(string? text)
    {
        var match = PseudonymPattern().Match(text?.Normalize(System.Text.NormalizationForm.FormKC).Trim() ?? "");
        return match.Success && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    [GeneratedRegex(@"^[Pp]-?0*(\d{1,15})$")]
    private static partial Regex PseudonymPattern();
}
