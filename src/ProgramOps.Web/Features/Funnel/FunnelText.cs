using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace ProgramOps.Web.Features.Funnel;

/// <summary>Marker for the funnel's texts (FunnelText.resx): the stage names every page uses.</summary>
public sealed class FunnelText;

public static class FunnelWords
{
    /// <summary>A stage's name; for null, the words for what concerns the client account rather than a participant's path.</summary>
    public static string Stage(this IStringLocalizer<FunnelText> text, FunnelStage? stage) => text[$"Stage.{stage?.ToString() ?? "None"}"];

    public static IEnumerable<SelectListItem> Options(IStringLocalizer<FunnelText> text) =>
        FunnelSteps.Stages.Select(stage => new SelectListItem(text.Stage(stage), stage.ToString()));
}
