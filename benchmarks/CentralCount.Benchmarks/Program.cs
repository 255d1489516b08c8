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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
