namespace ProgramOps.Web.Features.Outcomes;

/// <summary>The report's own stylesheet, inline in the document so a stored version prints the same years later.</summary>
public static class ReportStyles
{
    public const string Css =
        $$"""
        @page { size: A4; margin: 16mm 14mm 18mm; }
        * { box-sizing: border-box; }
        body { font-family: {{PdfPrinter.ProportionalFonts}}; color: #1d2430; font-size: 10.5pt; line-height: 1.5; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
        h1 { font-size: 20pt; margin: 0 0 2mm; }
        h2 { font-size: 13.5pt; border-bottom: 2px solid #2b5797; padding-bottom: 1mm; margin: 8mm 0 3mm; }
        h3 { font-size: 11pt; margin: 4mm 0 2mm; }
        section { break-inside: avoid-page; }
        figure { margin: 0 0 3mm; break-inside: avoid; }
        figcaption { font-weight: bold; margin-bottom: 1mm; }
        .chart svg { width: 100%; height: auto; max-height: 70mm; }
        .chart svg text { font-family: inherit; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid #c9d1dc; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
        thead th { background: #eef2f7; }
        td { text-align: right; }
        table.scores th, table.scores td { text-align: center; padding: 1mm; }
        tr.primary th, tr.primary td { font-weight: bold; background: #f4f8fd; }
        .kicker { color: #2b5797; font-weight: bold; margin: 0; }
        .client { font-size: 14pt; margin: 0 0 3mm; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.5mm 4mm; margin: 0 0 3mm; }
        dl.facts dt { color: #5a6575; }
        dl.facts dd { margin: 0; }
        .notice { border-left: 4px solid #c77c02; background: #fff7e6; padding: 2mm 3mm; }
        .privacy, .def, footer { color: #4a5565; font-size: 9pt; }
        .finding { font-weight: bold; }
        blockquote { margin: 2mm 0; padding: 2mm 4mm; border-left: 3px solid #2b5797; background: #f6f8fb; }
        footer { border-top: 1px solid #c9d1dc; margin-top: 8mm; padding-top: 2mm; }
        """;
}
