using System.CommandLine;
using System.Diagnostics;
using CentralCount.Imaging;

namespace CentralCount.Cli.Commands;

/// <summary>
/// <c>centralcount demo</c>: the end-to-end demonstration. Today it exercises the imaging
/// layer on a drawn sample page (encode, decode, identity QR, timing marks); it says so,
/// and grows into the full scan-count-adjudicate demo as the pipeline lands.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the demo's files.", DefaultValueFactory = _ => new DirectoryInfo("demo-output") };
        var command = new Command("demo", "Run the demonstration on a sample page and report what was checked.") { output };
        command.SetAction(parse => Run(parse.GetValue(output)!));
        return command;
    }

    private static int Run(DirectoryInfo output)
    {
        Console.WriteLine("CentralCount demo: imaging layer");
        Console.WriteLine("This build has the imaging foundation only. The demo draws one sample ballot-like page,");
        Console.WriteLine("writes it as PNG, JPEG and 1-bit CCITT G4 TIFF, decodes each back, and checks what it");
        Console.WriteLine("reads. It does not yet scan, interpret or tally ballots.");
        Console.WriteLine();
        output.Create();
        using var pool = new PixelMemoryPool();
        var decoder = new ImageDecoder(pool);
        const string Identity = "CentralCount sample page|demo|front";
        using var page = SamplePage.Draw(Identity);
        var failures = 0;
        var formats = new (string Name, string File, Func<PixelImage, byte[]> Encode, bool Lossless)[]
        {
            ("PNG", "sample-page.png", ImageEncoder.EncodePng, true),
            ("JPEG q90", "sample-page.jpg", p => ImageEncoder.EncodeJpeg(p, 90), false),
            ("TIFF G4 1-bit", "sample-page.tif", p => ImageEncoder.EncodeTiffBilevel(p, 128, BilevelCompression.G4), false),
        };

        Console.WriteLine($"{"format",-14} {"bytes",10} {"decode ms",10} {"identity QR",-12} {"timing marks",12} {"pixels",-10}");
        foreach (var (name, file, encode, lossless) in formats)
        {
            var bytes = encode(page);
            var path = Path.Combine(output.FullName, file);
            File.WriteAllBytes(path, bytes);
            var clock = Stopwatch.StartNew();
            using var decoded = decoder.DecodeGrayFile(path);
            var decodeMs = clock.Elapsed.TotalMilliseconds;
            var qr = QrCodes.Decode(decoded, SamplePage.QrRegion);
            var marks = SamplePage.CountTimingMarks(decoded);
            var qrOk = qr?.Text == Identity;
            var marksOk = marks == SamplePage.TimingMarkCount;
            var pixelsOk = !lossless || page.Pixels.SequenceEqual(decoded.Pixels);
            failures += (qrOk ? 0 : 1) + (marksOk ? 0 : 1) + (pixelsOk ? 0 : 1);
            Console.WriteLine($"{name,-14} {bytes.Length,10:N0} {decodeMs,10:F1} {(qrOk ? "read" : "NOT READ"),-12} {marks,5}/{SamplePage.TimingMarkCount,-6} {(lossless ? (pixelsOk ? "exact" : "DIFFER") : "lossy"),-10}");
        }

        Console.WriteLine();
        Console.WriteLine($"Files written to {output.FullName}");
        if (failures > 0)
        {
            Console.Error.WriteLine($"{failures} check(s) failed: the imaging layer is not working on this machine.");
            return ExitCodes.CheckFailed;
        }

        Console.WriteLine("All checks passed.");
        return ExitCodes.Success;
    }
}
