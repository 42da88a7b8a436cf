using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace ProgramOps.Web.Infrastructure.Localization;

public static class LocalizationExtensions
{
    public static readonly CultureInfo[] SupportedCultures = [new("ja"), new("en")];

    public static IServiceCollection AddProgramOpsLocalization(this IServiceCollection services)
    {
        // Each feature keeps its texts beside its code: Features/X/XText.resx (English) and .ja.resx.
        services.AddLocalization();
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBinding>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Japanese first: the first users are Japanese staff; English follows the browser or the switch.
            options.DefaultRequestCulture = new RequestCulture("ja");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
