using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ProgramOps.Web.Infrastructure.Web;

/// <summary>Renders a Razor component that is a whole HTML document (a letter, a report) in a given language, outside any response.</summary>
public sealed class StandaloneHtml(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TDocument>(IDictionary<string, object?> parameters, CultureInfo culture) where TDocument : IComponent
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        await using var renderer = new HtmlRenderer(services, loggers);
        try
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
                var output = await renderer.RenderComponentAsync<TDocument>(ParameterView.FromDictionary(parameters));
                return "<!DOCTYPE html>\n" + output.ToHtmlString().Replace("<!DOCTYPE html>", "", StringComparison.Ordinal).TrimStart();
            });
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
