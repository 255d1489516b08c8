using System.Numerics;
using CentralCount.Election;
using CentralCount.Election.Layout;
using CentralCount.Imaging;

namespace CentralCount.MarkInterpreter.Registration;

/// <summary>
/// Every identity code the election's ballots can carry on one page format, as the module
/// matrices its printer lays them out: centred in the identity area with two modules of quiet
/// zone. A page's code is read by sampling each module's centre through the timing-mark geometry
/// and taking the code whose modules it matches, when it matches that one far more closely than
/// any two codes of the book match each other. A page that matches none (another election's
/// ballot, a damaged code) is left to the general reader.
/// </summary>
public sealed class IdentityCodebook
{
    // At most this share of a code's modules may read wrong (a stray stroke, a fold, noise).
    private const double MostWrong = 0.05;
    private readonly GridRect _area;
    private readonly TimingMarkGrid _grid;
    private readonly List<Book> _books;
    private readonly int _words;

    private IdentityCodebook(GridRect area, TimingMarkGrid grid, List<Book> books)
    {
        _area = area;
        _grid = grid;
        _books = books;
        _words = books.Count == 0 ? 0 : books.Max(b => b.Words);
    }

    /// <summary>The codes of every style, sheet, side and precinct printed on the format, live and test.</summary>
    public static IdentityCodebook? For(ElectionDefinition election, PageFormat format)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(format);
        if (format.Identity != IdentityKind.QrCode || format.IdentityArea is not { } area)
        {
            return null;
        }

        var codes = new List<(string Text, QrModules Modules)>();
        foreach (var style in election.BallotStyles.Where(s => s.PageFormatId == format.Id))
        {
            // A style serving several precincts may carry any of them in its code.
            IEnumerable<string?> precincts = style.PrecinctIds.Count > 1 ? [null, .. style.PrecinctIds] : [null];
            foreach (var (sheet, page) in style.Pages())
            {
                foreach (var precinct in precincts)
                {
                    foreach (var test in new[] { false, true })
                    {
                        var text = new PageIdentity(election.Hash.Prefix, style.Id, sheet, page.Side, test, precinct).Encode();
                        codes.Add((text, QrCodes.Encode(text, QrCorrection.Medium)));
                    }
                }
            }
        }

        var books = codes.GroupBy(c => c.Modules.Side).Select(g => Book.Of(g.Key, g.ToList())).ToList();
        return new IdentityCodebook(area, format.Grid, books);
    }

    /// <summary>The text of the book's code printed on the page under this geometry, or null when the page's modules match none closely.</summary>
    public string? Read(PixelImage image, PageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(geometry);
        Span<ulong> bits = stackalloc ulong[_words];
        foreach (var book in _books)
        {
            if (book.Match(Sample(image, geometry, book.Side, bits[..book.Words])) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    // Each module's centre, dark or light against a threshold between the code's dark and light
    // modules. A code spans a few dozen pixels, so its module centres are placed by the geometry
    // at three of them and laid out evenly between.
    private ReadOnlySpan<ulong> Sample(PixelImage image, PageGeometry geometry, int side, Span<ulong> bits)
    {
        var areaWidth = _area.Width * _grid.ColumnPitchInches;
        var areaHeight = _area.Height * _grid.RowPitchInches;
        var module = Math.Min(areaWidth, areaHeight) / (side + 4);
        GridPoint Centre(int column, int row) => new(
            _area.Left + ((_area.Width / 2) + ((column + 0.5 - (side / 2.0)) * module / _grid.ColumnPitchInches)),
            _area.Top + ((_area.Height / 2) + ((row + 0.5 - (side / 2.0)) * module / _grid.RowPitchInches)));
        var origin = geometry.ToPixel(Centre(0, 0));
        var across = geometry.ToPixel(Centre(side - 1, 0));
        var down = geometry.ToPixel(Centre(0, side - 1));
        var (ax, ay) = ((across.X - origin.X) / (side - 1), (across.Y - origin.Y) / (side - 1));
        var (dx, dy) = ((down.X - origin.X) / (side - 1), (down.Y - origin.Y) / (side - 1));
        ReadOnlySpan<byte> pixels = image.Pixels;
        Span<byte> grey = stackalloc byte[side * side];
        var sum = 0L;
        for (var r = 0; r < side; r++)
        {
            for (var c = 0; c < side; c++)
            {
                var x = (int)Math.Round(origin.X + (c * ax) + (r * dx));
                var y = (int)Math.Round(origin.Y + (c * ay) + (r * dy));
                var g = (uint)x < (uint)image.Width && (uint)y < (uint)image.Height ? pixels[(y * image.Stride) + x] : (byte)255;
                grey[(r * side) + c] = g;
                sum += g;
            }
        }

        var threshold = Between(grey, sum / (double)grey.Length);
        bits.Clear();
        for (var i = 0; i < grey.Length; i++)
        {
            if (grey[i] < threshold)
            {
                bits[i >> 6] |= 1UL << (i & 63);
            }
        }

        return bits;
    }

    // Halfway between the mean of the darker and of the lighter samples, split at the mean.
    private static double Between(ReadOnlySpan<byte> grey, double mean)
    {
        var (dark, darkCount, light, lightCount) = (0L, 0, 0L, 0);
        foreach (var g in grey)
        {
            if (g < mean)
            {
                (dark, darkCount) = (dark + g, darkCount + 1);
            }
            else
            {
                (light, lightCount) = (light + g, lightCount + 1);
            }
        }

        return darkCount == 0 || lightCount == 0 ? mean : ((dark / (double)darkCount) + (light / (double)lightCount)) / 2;
    }

    /// <summary>The codes of one module count, and how many modules may read wrong.</summary>
    private sealed class Book
    {
        private readonly string[] _texts;
        private readonly ulong[][] _bits;
        private readonly int _mostWrong;

        private Book(int side, string[] texts, ulong[][] bits, int mostWrong)
        {
            Side = side;
            Words = WordsFor(side);
            _texts = texts;
            _bits = bits;
            _mostWrong = mostWrong;
        }

        public int Side { get; }

        public int Words { get; }

        public static Book Of(int side, List<(string Text, QrModules Modules)> codes)
        {
            var words = WordsFor(side);
            var bits = codes.Select(c =>
            {
                var packed = new ulong[words];
                for (var i = 0; i < c.Modules.Dark.Length; i++)
                {
                    if (c.Modules.Dark[i] != 0)
                    {
                        packed[i >> 6] |= 1UL << (i & 63);
                    }
                }

                return packed;
            }).ToArray();
            // Read a code only when it is within a quarter of the closest two codes' distance:
            // then every other code is at least three times as far.
            var closest = int.MaxValue;
            for (var i = 0; i < bits.Length; i++)
            {
                for (var j = i + 1; j < bits.Length; j++)
                {
                    closest = Math.Min(closest, Distance(bits[i], bits[j]));
                }
            }

            var mostWrong = Math.Min((int)(MostWrong * side * side), closest == int.MaxValue ? int.MaxValue : (closest - 1) / 4);
            return new Book(side, [.. codes.Select(c => c.Text)], bits, mostWrong);
        }

        public string? Match(ReadOnlySpan<ulong> sampled)
        {
            for (var i = 0; i < _bits.Length; i++)
            {
                if (Distance(sampled, _bits[i]) <= _mostWrong)
                {
                    return _texts[i];
                }
            }

            return null;
        }

        private static int WordsFor(int side) => ((side * side) + 63) / 64;

        private static int Distance(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
        {
            var d = 0;
            for (var k = 0; k < a.Length; k++)
            {
                d += BitOperations.PopCount(a[k] ^ b[k]);
            }

            return d;
        }
    }
}
