using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProgramOps.Web.Infrastructure.Time;

namespace ProgramOps.WebTests.Components;

/// <summary>A bUnit context with the services the console's components use, in Japanese unless told otherwise.</summary>
public abstract class ComponentTestContext : BunitContext
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);

    protected ComponentTestContext(string culture = "ja")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        Services.AddLocalization();
        Services.AddSingleton(new LocalClock(new FakeTimeProvider(Now), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")));
    }
}
