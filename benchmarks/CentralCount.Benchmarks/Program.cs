using BenchmarkDotNet.Running;

// Run all:  dotnet run -c Release --project benchmarks/CentralCount.Benchmarks -- --filter '*'
// One:      ... -- --filter '*DecodeBenchmarks*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
