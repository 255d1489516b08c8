using System.CommandLine;
using System.Diagnostics;
using CentralCount.Imaging;

namespace CentralCount.Cli.Commands;

/// <summary><c>centralcount inspect-image FILE...</c>: what a scanned file is, and whether it decodes.</summary>
internal static class InspectImageCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Image files (PNG, JPEG, TIFF) to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("inspect-image", "Read each image's header, decode it, and report its size, format and darkness; bad files get a reason.") { files };
        command.SetAction(parse =>
        {
            using var pool = new PixelMemoryPool();
            var decoder = new ImageDecoder(pool);
            var worst = ExitCodes.Success;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                worst = Math.Max(worst, Inspect(decoder, file));
            }

            return worst;
        });
        return command;
    }

    private static int Inspect(ImageDecoder decoder, FileInfo file)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"{file.FullName}: no such file");
            return ExitCodes.BadInput;
        }

        try
        {
            var bytes = File.ReadAllBytes(file.FullName);
            var header = decoder.ReadHeader(bytes, file.Name);
            var clock = Stopwatch.StartNew();
            using var image = decoder.DecodeGray(bytes, file.Name);
            var elapsed = clock.Elapsed;
            var dark = 0L;
            foreach (var p in image.Pixels)
            {
                dark += p < 128 ? 1 : 0;
            }

            Console.WriteLine($"{file.Name}: {header.Format}, {header.Width} x {header.Height}, {header.BitsPerPixel} bit/pixel, " +
                $"{bytes.Length:N0} bytes, decoded in {elapsed.TotalMilliseconds:F1} ms, {100.0 * dark / image.Pixels.Length:F1}% dark");
            return ExitCodes.Success;
        }
        catch (ImagingException error)
        {
            Console.Error.WriteLine($"{error.Message} [{error.GetType().Name}]");
            return ExitCodes.BadInput;
        }
    }
}
