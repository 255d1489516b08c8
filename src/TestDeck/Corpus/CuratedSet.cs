using CentralCount.Election;
using CentralCount.TestDeck.Scanning;

namespace CentralCount.TestDeck.Corpus;

/// <summary>
/// The curated golden set committed with the tests: every clause of 44.3.2402(2)(a)-(l) and
/// 44.3.2403(2)(a)-(h), and every scanner artifact, at least twice, on few enough sheets to
/// stay small. Sheets are fixed; their contents come from the seed.
/// </summary>
public static class CuratedSet
{
    private static readonly (string Name, Func<ScanSettings, ScanSettings> Scan, ExpectedReject Defect, bool Swapped)[] Artifacts =
    [
        ("skew +5", s => s with { SkewDegrees = 4.9, Format = ScanFormat.Jpeg }, ExpectedReject.None, false),
        ("skew -5, scale 0.98", s => s with { SkewDegrees = -4.9, Scale = 0.98, Format = ScanFormat.Jpeg }, ExpectedReject.None, false),
        ("scale 1.02, shift", s => s with { Scale = 1.02, ShiftXPx = 25, ShiftYPx = -25, Format = ScanFormat.Jpeg }, ExpectedReject.None, false),
        ("feed-slip stretch", s => s with { FeedStretch = 0.008, Format = ScanFormat.Jpeg }, ExpectedReject.None, false),
        ("feed-slip squeeze, upside down", s => s with { FeedStretch = -0.008, UpsideDown = true, Format = ScanFormat.Jpeg }, ExpectedReject.None, false),
        ("upside down, blur", s => s with { UpsideDown = true, BlurSigma = 1.2, Format = ScanFormat.Jpeg }, ExpectedReject.None, false),
        ("blur, noise, low JPEG quality", s => s with { BlurSigma = 1.0, Noise = 8, JpegQuality = 60, Format = ScanFormat.Jpeg }, ExpectedReject.None, false),
        ("1-bit G4", s => s with { Format = ScanFormat.TiffG4, BilevelThreshold = 150 }, ExpectedReject.None, false),
        ("1-bit G4, skew", s => s with { Format = ScanFormat.TiffG4, SkewDegrees = 2.5, BilevelThreshold = 160 }, ExpectedReject.None, false),
        ("fold, dark border", s => s with { Folds = [0.33], Background = 30, BorderPx = 40, Format = ScanFormat.Jpeg }, ExpectedReject.None, false),
        ("two folds, dark border, front/back swapped", s => s with { Folds = [0.33, 0.66], Background = 45, BorderPx = 25, Format = ScanFormat.Jpeg }, ExpectedReject.None, true),
        ("two damaged timing marks, front/back swapped", s => s with { MissingMarks = [(0, 20), (15, 0)], Format = ScanFormat.Jpeg }, ExpectedReject.None, true),
        ("one damaged timing mark, PNG", s => s with { MissingMarks = [(33, 30)], Format = ScanFormat.Png }, ExpectedReject.None, false),
        ("clean PNG", s => s with { SkewDegrees = 0.3, Format = ScanFormat.Png, Noise = 2 }, ExpectedReject.None, false),
        ("torn edge: many timing marks missing", s => s with { Format = ScanFormat.Jpeg }, ExpectedReject.MissingTimingMarks, false),
        ("torn edge, 1-bit", s => s with { Format = ScanFormat.TiffG4 }, ExpectedReject.MissingTimingMarks, false),
        ("scanner streak through voting positions", s => s with { Format = ScanFormat.Jpeg }, ExpectedReject.StreakThroughPositions, false),
        ("scanner streak, 1-bit", s => s with { Format = ScanFormat.TiffG4 }, ExpectedReject.StreakThroughPositions, false),
        ("half a page", s => s with { Format = ScanFormat.Jpeg }, ExpectedReject.HalfPage, false),
        ("half a page, dark background", s => s with { Format = ScanFormat.Jpeg, Background = 25, BorderPx = 20 }, ExpectedReject.HalfPage, false),
        ("another election's ballot", s => s with { Format = ScanFormat.Jpeg }, ExpectedReject.WrongElection, false),
        ("another election's ballot, 1-bit", s => s with { Format = ScanFormat.TiffG4 }, ExpectedReject.WrongElection, false),
    ];

    public const int Seed = 20261103;

    public static CorpusOptions Options(ElectionDefinition election)
    {
        ArgumentNullException.ThrowIfNull(election);
        var scenarios = Enum.GetValues<Scenario>().Where(s => s is not (Scenario.Clean or Scenario.Blank)).ToList();
        var styles = election.BallotStyles;
        var artifacts = Artifacts;

        // Two rounds of every scenario, packed onto the in-specification sheets.
        var queue = new Queue<Scenario>(scenarios.Concat(scenarios));
        var inSpec = artifacts.Count(a => a.Defect == ExpectedReject.None);
        var perSheet = (int)Math.Ceiling(queue.Count / (double)inSpec);
        var directives = new Dictionary<int, SheetDirective>();
        for (var i = 0; i < artifacts.Length; i++)
        {
            var (_, scan, defect, swapped) = artifacts[i];
            var style = styles[i % styles.Count];
            var forced = new List<Scenario>();
            var bilevel = scan(ScanSettings.Clean).Format == ScanFormat.TiffG4;
            while (defect == ExpectedReject.None && forced.Count < perSheet && queue.Count > 0)
            {
                // A 1-bit scan cannot show erasure residue; leave that scenario for a grey sheet.
                if (bilevel && queue.Peek() == Scenario.Erasure)
                {
                    queue.Enqueue(queue.Dequeue());
                    if (queue.All(s => s == Scenario.Erasure))
                    {
                        break;
                    }

                    continue;
                }

                forced.Add(queue.Dequeue());
            }

            // Modest noise and JPEG quality keep the committed set small; artifacts may override both.
            directives[i] = new SheetDirective(style.Id, 1, s => scan(s with { Noise = Math.Min(s.Noise, 2.5), JpegQuality = Math.Min(s.JpegQuality, 72) }), defect, swapped, forced);
        }

        if (queue.Count > 0)
        {
            throw new InvalidOperationException($"the curated set could not place {string.Join(", ", queue)}");
        }

        return new CorpusOptions(artifacts.Length, Seed, Directives: directives);
    }

    /// <summary>The artifact each curated sheet shows, by sheet index, for the README table.</summary>
    public static IReadOnlyList<string> ArtifactNames { get; } = [.. Artifacts.Select(a => a.Name)];
}
