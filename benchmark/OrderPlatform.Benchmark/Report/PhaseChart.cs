using System.Globalization;
using System.Security;
using System.Text;

namespace OrderPlatform.Benchmark.Report;

/// <summary>
/// The run as one SVG (results/latest.svg, shown in benchmark/README.md): per POST phase, bars of offered, accepted
/// and completed orders/s on the left axis and the completion p99 (accepted orders, seconds) as points on the right
/// axis, so the knee shows without reading the tables.
/// </summary>
public static class PhaseChart
{
    private const int Width = 820;
    private const int Height = 380;
    private const int Left = 60;
    private const int Right = 70;
    private const int Top = 50;
    private const int Bottom = 60;

    private static readonly (string Name, string Colour)[] Series =
        [("offered /s", "#9e9e9e"), ("accepted /s", "#1f77b4"), ("completed /s", "#2ca02c")];

    private static readonly int[] Multiples = [1, 2, 5, 10];

    public static string Render(IReadOnlyList<PostPhase> phases, string title)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var rateMax = NiceCeiling(phases.Select(p => Math.Max(p.OfferedPerSecond, Math.Max(p.AcceptedPerSecond, p.EndToEnd.CompletedPerSecond))).DefaultIfEmpty(1).Max());
        var p99Max = NiceCeiling(phases.Select(p => (p.EndToEnd.CompletionP99Ms ?? 0) / 1000).DefaultIfEmpty(1).Max());
        double Y(double value, double max) => Top + plotHeight - (value / max * plotHeight);

        var svg = new StringBuilder();
        Add(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">");
        Add(svg, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        Add(svg, $"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"13\">{Escape(title)}</text>");

        for (var i = 0; i <= 4; i++)
        {
            var y = Y(rateMax * i / 4, rateMax);
            Add(svg, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Left + plotWidth}\" y2=\"{y:0.#}\" stroke=\"#e0e0e0\"/>");
            Add(svg, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{rateMax * i / 4:0.#}</text>");
            Add(svg, $"<text x=\"{Left + plotWidth + 6}\" y=\"{y + 4:0.#}\" fill=\"#d62728\">{p99Max * i / 4:0.##}</text>");
        }

        Add(svg, $"<text transform=\"translate(16 {Top + plotHeight / 2}) rotate(-90)\" text-anchor=\"middle\">orders/s</text>");
        Add(svg, $"<text transform=\"translate({Width - 14} {Top + plotHeight / 2}) rotate(90)\" text-anchor=\"middle\" fill=\"#d62728\">completion p99 (s)</text>");

        var group = phases.Count == 0 ? plotWidth : (double)plotWidth / phases.Count;
        var bar = group * 0.8 / Series.Length;
        var points = new List<(double X, double Y, double Seconds)>();
        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            var x0 = Left + (i * group) + (group * 0.1);
            double[] values = [phase.OfferedPerSecond, phase.AcceptedPerSecond, phase.EndToEnd.CompletedPerSecond];
            for (var s = 0; s < Series.Length; s++)
            {
                var y = Y(values[s], rateMax);
                Add(svg, $"<rect x=\"{x0 + (s * bar):0.#}\" y=\"{y:0.#}\" width=\"{bar - 1:0.#}\" height=\"{Top + plotHeight - y:0.#}\" fill=\"{Series[s].Colour}\"><title>{Escape(phase.Name)} {Series[s].Name}: {values[s]}</title></rect>");
                Add(svg, $"<text x=\"{x0 + (s * bar) + (bar / 2):0.#}\" y=\"{y - 3:0.#}\" text-anchor=\"middle\" font-size=\"9\">{values[s]:0}</text>");
            }

            var label = phase.IsSaturation ? "saturation" : phase.Name;
            Add(svg, $"<text x=\"{Left + (i * group) + (group / 2):0.#}\" y=\"{Top + plotHeight + 16}\" text-anchor=\"middle\">{Escape(label)}</text>");
            if (phase.Refused > 0)
            {
                Add(svg, $"<text x=\"{Left + (i * group) + (group / 2):0.#}\" y=\"{Top + plotHeight + 30}\" text-anchor=\"middle\" font-size=\"9\">{phase.Refused} × 429</text>");
            }

            if (phase.EndToEnd.CompletionP99Ms is { } p99)
            {
                points.Add((Left + (i * group) + (group / 2), Y(p99 / 1000, p99Max), p99 / 1000));
            }
        }

        if (points.Count > 1)
        {
            Add(svg, $"<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.5\" points=\"{string.Join(' ', points.Select(p => Format($"{p.X:0.#},{p.Y:0.#}")))}\"/>");
        }

        foreach (var (x, y, seconds) in points)
        {
            Add(svg, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"#d62728\"/>");
            Add(svg, $"<text x=\"{x + 6:0.#}\" y=\"{y - 6:0.#}\" fill=\"#d62728\" font-size=\"9\">{seconds:0.##} s</text>");
        }

        Add(svg, $"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Left + plotWidth}\" y2=\"{Top + plotHeight}\" stroke=\"#333\"/>");
        var legendX = Left;
        foreach (var (name, colour) in Series.Append(("completion p99 (s, right axis)", "#d62728")))
        {
            Add(svg, $"<rect x=\"{legendX}\" y=\"28\" width=\"10\" height=\"10\" fill=\"{colour}\"/>");
            Add(svg, $"<text x=\"{legendX + 14}\" y=\"37\">{Escape(name)}</text>");
            legendX += 14 + (name.Length * 6) + 16;
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="value"/> (an axis that ends on a round number).</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return Multiples.Select(m => m * power).First(v => v >= value);
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static void Add(StringBuilder svg, FormattableString line) => svg.Append(Format(line)).Append('\n');

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
