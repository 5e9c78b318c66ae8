using BenchmarkDotNet.Running;
using BhhCompliance.Benchmarks;

// "quick" times renders with a stopwatch, without BenchmarkDotNet; anything else goes to
// BenchmarkDotNet's switcher (--filter, --job, --list ...).
if (args is ["quick", ..])
{
    return QuickRun.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(PdfRenderBenchmarks).Assembly).Run(args);
return 0;
