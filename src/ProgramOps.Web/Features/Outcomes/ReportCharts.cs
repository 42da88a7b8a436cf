using ScottPlot;

namespace ProgramOps.Web.Features.Outcomes;

/// <summary>
/// The report's charts, drawn on the server as SVG with ScottPlot: labels are SVG text, so the browser's fonts draw the
/// Japanese and chromium's print-to-PDF keeps them as text. Each chart is printed with its data table beside it.
/// </summary>
public static class ReportCharts
{
    private const int Width = 640;
    private const int Height = 260;

    /// <summary>Horizontal bars, one per labelled value, top to bottom.</summary>
    public static string Bars(IReadOnlyList<(string Label, double Value)> bars, string valueAxis)
    {
        var plot = NewPlot();
        var positions = Enumerable.Range(0, bars.Count).Select(i => (double)(bars.Count - 1 - i)).ToArray();
        var barPlot = plot.Add.Bars(positions, [.. bars.Select(b => b.Value)]);
        barPlot.Horizontal = true;
        var rows = LabelRows(plot, positions, [.. bars.Select(b => b.Label)]);
        plot.Axes.Bottom.Label.Text = valueAxis;
        plot.Axes.Margins(left: 0, right: 0.1);
        return Svg(plot, rowLabels: rows);
    }

    /// <summary>Vertical bars over 0–10 answers.</summary>
    public static string Distribution(IReadOnlyList<(int Score, double Count)> counts, string valueAxis)
    {
        var plot = NewPlot();
        plot.Add.Bars([.. counts.Select(c => (double)c.Score)], [.. counts.Select(c => c.Count)]);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, 11).Select(i => (double)i)], [.. Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.Left.Label.Text = valueAxis;
        plot.Axes.Margins(bottom: 0);
        return Svg(plot);
    }

    /// <summary>Shares (0–1) per program week as lines in percent, one line per series.</summary>
    public static string Weekly(IReadOnlyList<(string Name, IReadOnlyList<(int Week, double Share)> Points)> series, string weekAxis)
    {
        var plot = NewPlot();
        foreach (var (name, points) in series.Where(s => s.Points.Count > 0))
        {
            var line = plot.Add.Scatter(points.Select(p => (double)p.Week).ToArray(), points.Select(p => p.Share * 100).ToArray());
            line.LegendText = name;
        }

        plot.Axes.SetLimitsY(0, 105);
        plot.Axes.Bottom.Label.Text = weekAxis;
        plot.Axes.Left.Label.Text = "%";
        plot.ShowLegend(Alignment.LowerLeft);
        return Svg(plot);
    }

    /// <summary>A Kaplan–Meier curve: the share still in the program, stepping down at the end of each span.</summary>
    public static string Survival(IReadOnlyList<SurvivalStep> steps, string weekAxis)
    {
        var plot = NewPlot();
        var xs = new List<double> { 0 };
        var ys = new List<double> { 100 };
        foreach (var step in steps)
        {
            xs.Add(step.ToWeek);
            ys.Add(step.Surviving * 100);
        }

        var curve = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        curve.ConnectStyle = ConnectStyle.StepHorizontal;
        plot.Axes.SetLimitsY(0, 105);
        plot.Axes.Bottom.Label.Text = weekAxis;
        plot.Axes.Left.Label.Text = "%";
        return Svg(plot);
    }

    /// <summary>Rates in percent with their 95% intervals, one labelled row each, top to bottom (a forest plot).</summary>
    public static string Intervals(IReadOnlyList<(string Label, Rate Rate)> rows, string valueAxis)
    {
        var plot = NewPlot();
        for (var i = 0; i < rows.Count; i++)
        {
            var (_, rate) = rows[i];
            double y = rows.Count - 1 - i;
            var interval = plot.Add.Line(rate.Interval.Lower * 100, y, rate.Interval.Upper * 100, y);
            interval.LineWidth = 2;
            plot.Add.Marker(rate.Share * 100, y);
        }

        var labels = LabelRows(plot, [.. Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i))], [.. rows.Select(r => r.Label)]);
        plot.Axes.SetLimitsX(0, 100);
        plot.Axes.SetLimitsY(-0.75, rows.Count - 0.25);
        plot.Axes.Bottom.Label.Text = valueAxis;
        return Svg(plot, Height + Math.Max(0, rows.Count - 8) * 22, labels);
    }

    /// <summary>
    /// Differences (in points) over time, each with its 95% interval as a vertical bar, and the zero line: an effect that
    /// wears off walks down to it. <paramref name="points"/> are in order, each labelled on the bottom axis.
    /// </summary>
    public static string DifferencesOverTime(IReadOnlyList<(string Label, double Difference, double Lower, double Upper)> points, string timeAxis, string valueAxis)
    {
        var plot = NewPlot();
        var xs = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        plot.Add.HorizontalLine(0).LinePattern = LinePattern.Dashed;
        for (var i = 0; i < points.Count; i++)
        {
            var interval = plot.Add.Line(xs[i], points[i].Lower * 100, xs[i], points[i].Upper * 100);
            interval.LineWidth = 2;
            interval.Color = Colors.SteelBlue;
        }

        plot.Add.Scatter(xs, [.. points.Select(p => p.Difference * 100)]).Color = Colors.Navy;
        plot.Axes.Bottom.SetTicks(xs, [.. points.Select(p => p.Label)]);
        plot.Axes.Bottom.Label.Text = timeAxis;
        plot.Axes.Left.Label.Text = valueAxis;
        return Svg(plot);
    }

    private static Plot NewPlot() => new();

    /// <summary>Names the rows on the left axis; <see cref="Svg"/> then gives them a font that has their characters.</summary>
    private static string[] LabelRows(Plot plot, double[] positions, string[] labels)
    {
        plot.Axes.Left.SetTicks(positions, labels);
        return labels;
    }

    private static string Svg(Plot plot, int height = Height, string[]? rowLabels = null)
    {
        // After every label is in: Automatic picks, per label, an installed font that has its characters (a CJK
        // font for Japanese); before them it keeps the default font, which has no Japanese glyphs, and Skia then
        // writes Japanese labels as empty text. Set tick labels it does not look at.
        plot.Font.Automatic();
        if (rowLabels is not null) plot.Axes.Left.TickLabelStyle.FontName = Fonts.Detect(string.Concat(rowLabels));
        var svg = WithUnifiedIdeographs(plot.GetSvgXml(Width, height));
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    /// <summary>
    /// Skia writes SVG text back from the font's glyphs, and a CJK font maps some glyphs to Kangxi radicals first (⼈ for
    /// 人): they look the same but search, copy and screen readers would get the radical, so they become the ideograph.
    /// </summary>
    private static string WithUnifiedIdeographs(string svg)
    {
        if (!svg.Any(IsKangxiRadical)) return svg;
        var text = new System.Text.StringBuilder(svg.Length);
        foreach (var c in svg) text.Append(IsKangxiRadical(c) ? c.ToString().Normalize(System.Text.NormalizationForm.FormKC) : c);
        return text.ToString();
    }

    private static bool IsKangxiRadical(char c) => c is >= '\u2F00' and <= '\u2FDF';
}
