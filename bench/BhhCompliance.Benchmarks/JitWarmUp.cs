using System.Diagnostics;
using BhhCompliance.Reporting.Pdf;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// Brings the report's code to the JIT's final, optimised tier before anything is measured.
/// </summary>
/// <remarks>
/// .NET first compiles a method quickly and without optimisation (tier 0), and recompiles it
/// with optimisations (tier 1) in the background once it has been called about 30 times. A
/// render of 2,000 rows takes several times longer in tier-0 code, and a benchmark with few
/// invocations (a short job, or a large audit) would otherwise measure mostly that. Rendering
/// small and medium audits for a few seconds, then pausing for the background compilation,
/// leaves the measured invocations on tier-1 code.
/// </remarks>
public static class JitWarmUp
{
    public static void Run(PdfWording wording, TimeSpan duration)
    {
        var small = SyntheticAudit.Build(100);
        var medium = SyntheticAudit.Build(2_000);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; stopwatch.Elapsed < duration; i++)
        {
            GC.KeepAlive(PdfReport.Render(i % 10 == 9 ? medium : small, BuiltInWording.Tool, wording));
        }

        Thread.Sleep(500);
    }
}
