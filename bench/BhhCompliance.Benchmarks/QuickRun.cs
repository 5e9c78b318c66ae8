using System.Diagnostics;
using System.Globalization;
using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// A quick measurement with a stopwatch, for a rough number in under a minute:
/// <list type="bullet">
/// <item>cold: the first render in a new process (JIT, PDFsharp's start-up, font loading), one
/// child process per size;</item>
/// <item>warm: the median of 10 renders in one process, after a warm-up long enough for the
/// JIT to finish recompiling the hot methods (tiered compilation);</item>
/// <item>phases: where a warm render's time goes (document, document id, layout, PDF writing).</item>
/// </list>
/// </summary>
public static class QuickRun
{
    private const int WarmRuns = 10;
    private const int PhaseRuns = 7;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    private static readonly int[] Sizes = [100, 2_000, 10_000];

    /// <summary>
    /// <c>quick</c>; <c>quick save DIR</c> (writes the three reports, to look at); or
    /// <c>quick cold ROWS</c> (the child process of one cold render).
    /// </summary>
    public static int Run(string[] args)
    {
        switch (args)
        {
            case ["cold", var rows]:
                return RunCold(int.Parse(rows, CultureInfo.InvariantCulture));
            case ["save", var folder]:
                return Save(folder);
            case not []:
                Console.Error.WriteLine("usage: quick | quick save DIR | quick cold ROWS");
                return 2;
        }

        Console.WriteLine($"PDF report, synthetic audits; {Environment.ProcessorCount} cores, .NET {Environment.Version}, "
            + $"server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine();

        Console.WriteLine("Cold: the first render in a new process (one process per size)");
        Console.WriteLine($"{"rows",8} {"load wording ms",16} {"render ms",10} {"pages",6} {"bytes",11}");
        foreach (var size in Sizes)
        {
            if (ColdInChild(size) is not { } line)
            {
                return 1;
            }

            Console.WriteLine(line);
        }

        Console.WriteLine();
        var wording = BuiltInWording.Load();
        JitWarmUp.Run(wording, WarmUp);
        Console.WriteLine($"Warm: median of {WarmRuns} renders in one process, after {WarmUp.TotalSeconds:F0} s of warm-up and one untimed render");
        Console.WriteLine($"{"rows",8} {"median ms",10} {"min ms",8} {"max ms",8} {"pages",6} {"bytes",11} {"alloc MB",9}");
        foreach (var size in Sizes)
        {
            Console.WriteLine(Warm(SyntheticAudit.Build(size), size, wording));
        }

        Console.WriteLine();
        Console.WriteLine($"Phases of a warm render: median of {PhaseRuns} each, in ms, collecting garbage before each run");
        Console.WriteLine($"{"rows",8} {"build",8} {"doc id",8} {"lay",8} {"lay+write",10} {"write",8}");
        foreach (var size in Sizes)
        {
            Console.WriteLine(Phases(SyntheticAudit.Build(size), size, wording));
        }

        return 0;
    }

    private static int Save(string folder)
    {
        Directory.CreateDirectory(folder);
        var wording = BuiltInWording.Load();
        foreach (var size in Sizes)
        {
            var path = Path.Join(folder, string.Create(CultureInfo.InvariantCulture, $"synthetic-{size}.pdf"));
            File.WriteAllBytes(path, PdfReport.Render(SyntheticAudit.Build(size), BuiltInWording.Tool, wording));
            Console.WriteLine(path);
        }

        return 0;
    }

    private static int RunCold(int rows)
    {
        var load = Stopwatch.StartNew();
        var wording = BuiltInWording.Load();
        load.Stop();
        var result = SyntheticAudit.Build(rows);

        var render = Stopwatch.StartNew();
        var pdf = PdfReport.Render(result, BuiltInWording.Tool, wording);
        render.Stop();

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{rows,8:N0} {load.Elapsed.TotalMilliseconds,16:F1} {render.Elapsed.TotalMilliseconds,10:F1} {Pages(pdf),6} {pdf.Length,11:N0}"));
        return 0;
    }

    /// <summary>Runs <c>quick cold ROWS</c> in a new process and returns the line it prints.</summary>
    private static string? ColdInChild(int rows)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(QuickRun).Assembly.Location);
        }

        foreach (var argument in (string[])["quick", "cold", rows.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        var output = child.StandardOutput.ReadToEnd().TrimEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            Console.Error.WriteLine($"The cold run for {rows} rows exited with {child.ExitCode}.");
            return null;
        }

        return output;
    }

    private static string Warm(AuditResult result, int rows, PdfWording wording)
    {
        var pdf = PdfReport.Render(result, BuiltInWording.Tool, wording);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var times = new double[WarmRuns];
        var allocated = new long[WarmRuns];
        for (var i = 0; i < WarmRuns; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            pdf = PdfReport.Render(result, BuiltInWording.Tool, wording);
            stopwatch.Stop();
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
            times[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{rows,8:N0} {Median(times),10:F1} {times.Min(),8:F1} {times.Max(),8:F1} {Pages(pdf),6} {pdf.Length,11:N0} {Median([.. allocated.Select(a => (double)a)]) / 1_048_576,9:F1}");
    }

    /// <summary>
    /// The parts of <see cref="PdfReport.Render(AuditResult, ToolInfo, PdfWording)"/>: building
    /// the document, the document id (a digest of findings.json), laying out, and laying out
    /// and writing (the PDF writing alone is the difference).
    /// </summary>
    private static string Phases(AuditResult result, int rows, PdfWording wording)
    {
        var document = ReportDocument.Build(result, BuiltInWording.Tool, wording);
        var report = new PdfReport(document);
        var id = PdfReport.DocumentId(result, BuiltInWording.Tool);
        var build = Time(() => ReportDocument.Build(result, BuiltInWording.Tool, wording));
        var digest = Time(() => PdfReport.DocumentId(result, BuiltInWording.Tool));
        var lay = Time(() => report.Lay(new TextMeasure()));
        var layAndWrite = Time(() => report.Render(id));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{rows,8:N0} {build,8:F1} {digest,8:F1} {lay,8:F1} {layAndWrite,10:F1} {layAndWrite - lay,8:F1}");
    }

    private static double Time(Func<object> action)
    {
        GC.KeepAlive(action());
        var times = new double[PhaseRuns];
        for (var i = 0; i < PhaseRuns; i++)
        {
            // Each phase pays for its own garbage, not for the previous one's.
            GC.Collect();
            var stopwatch = Stopwatch.StartNew();
            GC.KeepAlive(action());
            times[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        return Median(times);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The page count in the PDF's page tree (the root /Pages object's /Count).</summary>
    private static int Pages(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        return document.PageCount;
    }
}
