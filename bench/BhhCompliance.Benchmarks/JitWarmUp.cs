using System.Diagnostics;
using BhhCompliance.Reporting.Pdf;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// Brings the measured code to the JIT's final, optimised tier before anything is measured.
/// </summary>
/// <remarks>
/// .NET first compiles a method quickly and without optimisation (tier 0), and recompiles it
/// with optimisations (tier 1) in the background once it has been called about 30 times. A
/// render of 2,000 rows takes several times longer in tier-0 code, and a benchmark with few
/// invocations (a short job, or a large audit) would otherwise measure mostly that. Running the
/// same code on small inputs for a few seconds, then pausing for the background compilation,
/// leaves the measured invocations on tier-1 code. A method with a loop that is called only once
/// per invocation (reading a file, a rule over every enrollee) needs the small inputs most: on a
/// large input it would run as on-stack-replaced code, never reaching tier 1.
/// </remarks>
public static class JitWarmUp
{
    /// <summary>Renders small and medium audits.</summary>
    public static void Run(PdfWording wording, TimeSpan duration)
    {
        var small = SyntheticAudit.Build(100);
        var medium = SyntheticAudit.Build(2_000);
        var i = 0;
        Run(() => GC.KeepAlive(PdfReport.Render(i++ % 10 == 9 ? medium : small, BuiltInWording.Tool, wording)), duration);
    }

    /// <summary>Runs <paramref name="work"/> over and over for <paramref name="duration"/> (at least 40 times), then pauses.</summary>
    public static void Run(Action work, TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; stopwatch.Elapsed < duration || i < 40; i++)
        {
            work();
        }

        Thread.Sleep(500);
    }
}
