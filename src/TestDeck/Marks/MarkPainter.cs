using CentralCount.Imaging;

namespace CentralCount.TestDeck.Marks;

/// <summary>
/// Draws voter marks the way hands do: wobbly strokes, uneven fills, inks of several colours
/// and pressures. Deterministic for a given random source.
/// </summary>
public static class MarkPainter
{
    public static void Paint(Canvas canvas, MarkTarget target, MarkKind kind, Ink ink, Random random, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(ink);
        ArgumentNullException.ThrowIfNull(random);
        var c = target.BubbleCenter;
        var rx = target.BubbleWidthPx / 2;
        var ry = target.BubbleHeightPx / 2;
        var stroke = Math.Max(1, (int)Math.Round(ink.StrokeWidthInches * target.Dpi));
        switch (kind)
        {
            case MarkKind.FullFill:
                Fill(canvas, c, rx * Jitter(random, 1.02, 1.12), ry * Jitter(random, 1.02, 1.15), ink, random, 1.0);
                break;
            case MarkKind.PencilFill:
                Fill(canvas, c, rx * 1.05, ry * 1.08, Ink.Pencil, random, 1.0);
                Grain(canvas, c, rx, ry, random);
                break;
            case MarkKind.PartialFill:
                Fill(canvas, new PointF(c.X - (rx * 0.35), c.Y + Jitter(random, -1, 1)), rx * 0.62, ry * 0.85, ink, random, 1.0);
                break;
            case MarkKind.Check:
                Stroke(canvas, [P(c, -0.9 * rx, -0.05 * ry), P(c, -0.25 * rx, 0.75 * ry), P(c, 1.4 * rx, -1.5 * ry)], ink, stroke, random);
                break;
            case MarkKind.Cross:
                Stroke(canvas, [P(c, -1.05 * rx, -1.1 * ry), P(c, 1.05 * rx, 1.1 * ry)], ink, stroke, random);
                Stroke(canvas, [P(c, 1.05 * rx, -1.1 * ry), P(c, -1.05 * rx, 1.1 * ry)], ink, stroke, random);
                break;
            case MarkKind.Slash:
                Stroke(canvas, [P(c, -0.9 * rx, 1.15 * ry), P(c, 0.95 * rx, -1.15 * ry)], ink, stroke, random);
                break;
            case MarkKind.CircleAroundBubble:
                Loop(canvas, c, rx * 1.9, ry * 2.3, ink, stroke, random);
                break;
            case MarkKind.CircleName when target.LabelArea is { } label:
                Loop(canvas, new PointF(label.X + (label.Width * 0.4), label.Y + (label.Height * 0.45)), label.Width * 0.45, label.Height * 0.5, ink, stroke, random);
                break;
            case MarkKind.UnderlineName when target.LabelArea is { } label:
                var y = label.Y + (label.Height * 0.62);
                Stroke(canvas, [new(label.X + (rx * 0.6), y), new(label.X + (label.Width * 0.7), y + Jitter(random, -2, 2))], ink, stroke, random);
                break;
            case MarkKind.ConnectiveLine when target.LabelArea is { } label:
                var from = new PointF(label.X + (label.Width * 0.35), label.Y + (label.Height * 0.55));
                var to = new PointF(c.X + (rx * 1.25), c.Y);
                Stroke(canvas, [from, new((from.X + to.X) / 2, from.Y + (ry * 1.2)), to], ink, stroke, random);
                Stroke(canvas, [new(to.X + (rx * 0.5), to.Y - (ry * 0.6)), to, new(to.X + (rx * 0.5), to.Y + (ry * 0.6))], ink, stroke, random);
                break;
            case MarkKind.HesitationDot:
                canvas.Ellipse(P(c, Jitter(random, -0.3, 0.3) * rx, Jitter(random, -0.3, 0.3) * ry), stroke * 1.1, stroke * 1.0, ink.Color, -1);
                break;
            case MarkKind.ErasureResidue:
                Fill(canvas, c, rx * 1.05, ry * 1.1, ink.WithPressure(Jitter(random, 0.22, 0.32)), random, 0.9);
                Grain(canvas, c, rx, ry, random);
                break;
            case MarkKind.CrossedOut:
                var end = target.LabelArea is { } l ? l.X + (l.Width * 0.8) : c.X + (rx * 8);
                Stroke(canvas, [P(c, -1.6 * rx, 0.3 * ry), new(end, c.Y - (ry * 0.4))], ink, stroke + 1, random);
                break;
            case MarkKind.OutsideNear:
                var side = random.Next(2) == 0 ? -1 : 1;
                Fill(canvas, new PointF(c.X + (side * rx * 2.15), c.Y + Jitter(random, -0.2, 0.2) * ry), rx * 0.75, ry * 0.8, ink, random, 1.0);
                break;
            case MarkKind.Word:
                var at = target.LabelArea is { } wl ? new PointF(wl.X + (wl.Width * 0.62), wl.Y + (wl.Height * 0.75)) : new PointF(c.X + (rx * 6), c.Y);
                canvas.Text(text ?? "this one", at, HersheyFont.ScriptSimplex, 0.8 * target.Dpi / 200, ink.Color, Math.Max(1, stroke / 2), italic: true);
                break;
            case MarkKind.Handwriting when target.WriteInArea is { } area:
                canvas.Text(text ?? "J. Smith", new PointF(area.X + (area.Width * 0.05), area.Y + (area.Height * 0.6)), HersheyFont.ScriptSimplex,
                    Jitter(random, 0.7, 0.9) * target.Dpi / 200, ink.Color, Math.Max(1, stroke / 2), italic: random.Next(2) == 0);
                break;
            default:
                throw new ArgumentException($"{kind} needs a target with {(kind == MarkKind.Handwriting ? "a write-in area" : "a label area")}", nameof(kind));
        }
    }

    /// <summary>Stray ink anywhere on the page: a doodle or a drip, not near any position.</summary>
    public static void Stray(Canvas canvas, PointF at, double dpi, Ink ink, Random random)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(ink);
        ArgumentNullException.ThrowIfNull(random);
        var size = dpi * 0.12;
        Stroke(canvas, [at, new(at.X + size, at.Y + (size * 0.3)), new(at.X + (size * 0.4), at.Y + size)], ink, Math.Max(1, (int)(dpi * 0.012)), random);
    }

    private static void Fill(Canvas canvas, PointF c, double rx, double ry, Ink ink, Random random, double coverage)
    {
        // A scribbled fill: a solid core plus overlapping strokes that wander past the edge.
        canvas.Ellipse(c, rx * 0.92 * coverage, ry * 0.9 * coverage, ink.Color, -1, angle: Jitter(random, -6, 6));
        var strokes = 5 + random.Next(4);
        for (var i = 0; i < strokes; i++)
        {
            var t = (i / (double)(strokes - 1)) - 0.5;
            var y = c.Y + (t * ry * 1.7);
            var half = rx * Math.Sqrt(Math.Max(0.05, 1 - (4 * t * t))) * coverage;
            canvas.Line(new(c.X - half + Jitter(random, -1, 1), y), new(c.X + half + Jitter(random, -1, 1), y + Jitter(random, -1, 1)), ink.Color, Math.Max(1, (int)(ry * 0.45)));
        }
    }

    private static void Grain(Canvas canvas, PointF c, double rx, double ry, Random random)
    {
        for (var i = 0; i < 40; i++)
        {
            var x = c.X + (Jitter(random, -0.9, 0.9) * rx);
            var y = c.Y + (Jitter(random, -0.85, 0.85) * ry);
            canvas.Ellipse(new PointF(x, y), 0.9, 0.9, PixelColor.Gray((byte)random.Next(150, 235)), -1);
        }
    }

    private static void Loop(Canvas canvas, PointF c, double rx, double ry, Ink ink, int stroke, Random random)
    {
        var points = new PointF[26];
        var start = Jitter(random, 0, Math.PI * 2);
        for (var i = 0; i < points.Length; i++)
        {
            var a = start + (i / (double)(points.Length - 2) * Math.PI * 2.08);
            var wobble = 1 + Jitter(random, -0.04, 0.04);
            points[i] = new PointF(c.X + (Math.Cos(a) * rx * wobble), c.Y + (Math.Sin(a) * ry * wobble));
        }

        canvas.Polyline(points, ink.Color, stroke);
    }

    private static void Stroke(Canvas canvas, PointF[] points, Ink ink, int width, Random random)
    {
        // Resample each segment with a little tremor so no stroke is ruler-straight.
        var path = new List<PointF>();
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var (a, b) = (points[i], points[i + 1]);
            const int Steps = 6;
            for (var s = 0; s < Steps; s++)
            {
                var t = s / (double)Steps;
                path.Add(new PointF(a.X + ((b.X - a.X) * t) + Jitter(random, -0.6, 0.6), a.Y + ((b.Y - a.Y) * t) + Jitter(random, -0.6, 0.6)));
            }
        }

        path.Add(points[^1]);
        canvas.Polyline([.. path], ink.Color, width);
    }

    private static PointF P(PointF c, double dx, double dy) => new(c.X + dx, c.Y + dy);

    private static double Jitter(Random random, double min, double max) => min + (random.NextDouble() * (max - min));
}
