using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProgramOps.Web.Features.Actions;

namespace ProgramOps.UnitTests.Actions;

public sealed class CsActionReasonTests
{
    private static readonly StringLocalizer<ActionsText> Text = new(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static string In(string culture, string reason)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return CsActionReason.Describe(reason, Text);
    }

    [Fact]
    public void A_shipment_problem_names_the_item_in_each_readers_language()
    {
        var reason = CsActionRequest.ShipmentProblem(1, CsActionReason.ShipmentReturned, "体組成計", "Body composition scale", 0, 1, 1, 1, new DateOnly(2026, 12, 1)).Reason;

        Assert.StartsWith("The Body composition scale (week 0) came back", In("en", reason), StringComparison.Ordinal);
        Assert.StartsWith("体組成計（0 週目）が返送されました", In("ja", reason), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_stored_before_items_had_English_names_reads_with_a_dash_in_English_and_unchanged_in_Japanese()
    {
        Assert.StartsWith("The — (week 4) came back", In("en", "ShipmentReturned|ニコチン置換 2回目キット|4"), StringComparison.Ordinal);
        Assert.StartsWith("ニコチン置換 2回目キット（4 週目）", In("ja", "ShipmentReturned|ニコチン置換 2回目キット|4"), StringComparison.Ordinal);
        Assert.Equal("typed by hand", In("en", "typed by hand"));
    }
}
