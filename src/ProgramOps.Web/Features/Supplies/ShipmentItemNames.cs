using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ProgramOps.Web.Features.Supplies;

/// <summary>
/// A shipment's item in the reader's language. The Japanese name is the one the fulfilment partner picks by (the export
/// file keeps it); a shipment created before items had English names reads, on an English page, as its week's shipment.
/// </summary>
public static class ShipmentItemNames
{
    public static string In(IStringLocalizer<SuppliesText> text, string item, string? itemEn, int week) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? item : itemEn ?? text["Item.Unnamed", week];
}
