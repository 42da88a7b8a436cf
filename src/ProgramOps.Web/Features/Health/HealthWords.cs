using System.Globalization;

namespace ProgramOps.Web.Features.Health;

/// <summary>A signal's value as staff read it: shares in percent, differences in points, days and counts as such.</summary>
public static class HealthWords
{
    public static string Value(IStringLocalizer<HealthText> text, HealthSignal signal, double? value) => value is not { } v
        ? text["Value.Unknown"].Value
        : signal switch
        {
            HealthSignal.Participation or HealthSignal.Enrolment => (v * 100).ToString("0.0", CultureInfo.CurrentCulture) + "%",
            HealthSignal.Engagement or HealthSignal.Outcome => text["Value.Points", (v * 100).ToString("+0.0;−0.0;0.0", CultureInfo.CurrentCulture)].Value,
            HealthSignal.Nps => v.ToString("+0;−0;0", CultureInfo.CurrentCulture),
            HealthSignal.DecisionMaker => v > 0 ? text["Value.OnFile"].Value : text["Value.None"].Value,
            HealthSignal.LastTouch or HealthSignal.Renewal => text["Value.Days", v.ToString("0", CultureInfo.CurrentCulture)].Value,
            _ => v.ToString("0", CultureInfo.CurrentCulture),
        };
}
