using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>Renders the report document to a complete HTML page in a given language, outside any request's response.</summary>
public sealed class ReportRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync(ClientReport report, CultureInfo culture, bool draft, int? versionNumber)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        await using var renderer = new HtmlRenderer(services, loggers);
        try
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(ReportDocument.Report)] = report,
                    [nameof(ReportDocument.Draft)] = draft,
                    [nameof(ReportDocument.VersionNumber)] = versionNumber,
                });
                var output = await renderer.RenderComponentAsync<ReportDocument>(parameters);
                return "<!DOCTYPE html>\n" + output.ToHtmlString().Replace("<!DOCTYPE html>", "", StringComparison.Ordinal).TrimStart();
            });
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
