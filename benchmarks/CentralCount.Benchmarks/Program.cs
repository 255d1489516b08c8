using BenchmarkDotNet.Running;
using CentralCount.Benchmarks;

// Run all:  dotnet run -c Release --project benchmarks/CentralCount.Benchmarks -- --filter '*'
// One:      ... -- --filter '*DecodeBenchmarks*'
// Paired native/managed decode overhead (drift-free):  ... -- paired-decode [rounds]
if (args.Length > 0 && args[0] == "paired-decode")
{
    PairedDecode.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400);
    return;
}

// End to end against decode only:  ... -- throughput ELECTION FOLDER [pages] [workers] [--decode-only]
if (args.Length > 2 && args[0] == "throughput")
{
    var numbers = args.Skip(3).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    await Throughput.RunAsync(args[1], args[2], numbers.Count > 0 ? numbers[0] : 2000, numbers.Count > 1 ? numbers[1] : Environment.ProcessorCount, args.Contains("--decode-only"));
    return;
}

// Each stage's time a page on one thread, in pipeline order:  ... -- stages ELECTION FOLDER [pages]
if (args.Length > 2 && args[0] == "stages")
{
    StageTimes.Run(args[1], args[2], args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}

// Recording sheets in the count store, by group size:  ... -- record ELECTION [group sizes...]
if (args.Length > 1 && args[0] == "record")
{
    var groups = args.Skip(2).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    RecordTimes.Run(args[1], groups.Count > 0 ? groups : [1, 2, 8, 32]);
    return;
}

// Board stations deciding at once:  ... -- board-load STORE [stations] [decisions-per-station]
if (args.Length > 1 && args[0] == "board-load")
{
    var numbers = args.Skip(2).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    await BoardLoad.RunAsync(args[1], numbers.Count > 0 ? numbers[0] : 8, numbers.Count > 1 ? numbers[1] : 200);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
