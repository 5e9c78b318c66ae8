using BenchmarkDotNet.Attributes;
using BhhCompliance.Core.Findings;
using BhhCompliance.Reporting.Pdf;
using BhhCompliance.Reporting.Pdf.Layout;

namespace BhhCompliance.Benchmarks;

/// <summary>
/// The PDF report of a synthetic audit: the whole render (document, layout, PDF writing), and
/// the layout alone. The audits and the wording are built once, outside the measurements, and
/// the JIT is warmed up there too (see <see cref="JitWarmUp"/>).
/// </summary>
[MemoryDiagnoser]
public class PdfRenderBenchmarks
{
    private PdfWording _wording = null!;
    private AuditResult _small = null!;
    private AuditResult _large = null!;

    [GlobalSetup]
    public void Setup()
    {
        _wording = BuiltInWording.Load();
        _small = SyntheticAudit.Build(100);
        _large = SyntheticAudit.Build(2_000);
        JitWarmUp.Run(_wording, TimeSpan.FromSeconds(3));
    }

    /// <summary>The full report of an audit with 2,000 detail rows.</summary>
    [Benchmark(Baseline = true)]
    public byte[] Render2000Rows() => PdfReport.Render(_large, BuiltInWording.Tool, _wording);

    /// <summary>The full report of an audit with 100 detail rows.</summary>
    [Benchmark]
    public byte[] Render100Rows() => PdfReport.Render(_small, BuiltInWording.Tool, _wording);

    /// <summary>Building the document and laying it out into pages, without writing the PDF (2,000 rows).</summary>
    [Benchmark]
    public IReadOnlyList<LaidOutPage> Layout2000Rows() =>
        new PdfReport(ReportDocument.Build(_large, BuiltInWording.Tool, _wording)).Lay(new TextMeasure());
}
