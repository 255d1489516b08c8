using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// A smooth model of how far printed ovals sit from where the timing marks put them:
/// offset = a + b·x + c·y in each axis, fitted by least squares with the worst matches trimmed.
/// </summary>
internal sealed class OffsetModel
{
    private readonly double[] _x;
    private readonly double[] _y;

    private OffsetModel(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    public (double X, double Y) At(PointF p, double limit) =>
        (Math.Clamp(_x[0] + (_x[1] * p.X) + (_x[2] * p.Y), -limit, limit), Math.Clamp(_y[0] + (_y[1] * p.X) + (_y[2] * p.Y), -limit, limit));

    public static OffsetModel Fit(PointF[] points, (double X, double Y)?[] offsets, bool[] trusted)
    {
        var chosen = Enumerable.Range(0, points.Length).Where(i => trusted[i]).ToList();
        var robust = chosen.Count < 3;
        if (robust)
        {
            // With almost every oval marked, only many matches outvote the marks' pull;
            // with few, the timing-mark geometry alone is the safer guess.
            chosen = [.. Enumerable.Range(0, points.Length).Where(i => offsets[i] is not null)];
            if (chosen.Count < 12)
            {
                return new OffsetModel([0, 0, 0], [0, 0, 0]);
            }
        }

        var model = Solve(points, offsets, chosen);
        if (robust)
        {
            for (var pass = 0; pass < 2 && chosen.Count >= 6; pass++)
            {
                chosen = [.. chosen.OrderBy(i => Residual(model, points[i], offsets[i]!.Value)).Take(Math.Max(3, (int)(chosen.Count * 0.6)))];
                model = Solve(points, offsets, chosen);
            }
        }

        return model;
    }

    private static double Residual(OffsetModel model, PointF p, (double X, double Y) offset)
    {
        var (x, y) = model.At(p, double.MaxValue);
        return Math.Abs(x - offset.X) + Math.Abs(y - offset.Y);
    }

    // Too few points, or points in a line, support only a constant offset.
    private static OffsetModel Solve(PointF[] points, (double X, double Y)?[] offsets, List<int> chosen)
    {
        var n = chosen.Count;
        var meanX = chosen.Average(i => offsets[i]!.Value.X);
        var meanY = chosen.Average(i => offsets[i]!.Value.Y);
        if (n < 6)
        {
            return new OffsetModel([meanX, 0, 0], [meanY, 0, 0]);
        }

        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, bx = 0, by = 0, cx = 0, cy = 0, b0 = 0, c0 = 0;
        foreach (var i in chosen)
        {
            var (x, y) = (points[i].X, points[i].Y);
            var (ox, oy) = offsets[i]!.Value;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
            b0 += ox;
            bx += ox * x;
            by += ox * y;
            c0 += oy;
            cx += oy * x;
            cy += oy * y;
        }

        double[,] m = { { n, sx, sy }, { sx, sxx, sxy }, { sy, sxy, syy } };
        var det = Determinant(m);
        if (Math.Abs(det) < 1e-6 * Math.Max(1, sxx * syy))
        {
            return new OffsetModel([meanX, 0, 0], [meanY, 0, 0]);
        }

        return new OffsetModel(Cramer(m, det, b0, bx, by), Cramer(m, det, c0, cx, cy));
    }

    private static double Determinant(double[,] m) =>
        (m[0, 0] * ((m[1, 1] * m[2, 2]) - (m[1, 2] * m[2, 1])))
        - (m[0, 1] * ((m[1, 0] * m[2, 2]) - (m[1, 2] * m[2, 0])))
        + (m[0, 2] * ((m[1, 0] * m[2, 1]) - (m[1, 1] * m[2, 0])));

    private static double[] Cramer(double[,] m, double det, double r0, double r1, double r2)
    {
        var result = new double[3];
        for (var col = 0; col < 3; col++)
        {
            var copy = (double[,])m.Clone();
            copy[0, col] = r0;
            copy[1, col] = r1;
            copy[2, col] = r2;
            result[col] = Determinant(copy) / det;
        }

        return result;
    }
}
