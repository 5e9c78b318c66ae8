using BhhCompliance.Loading.Templates;
using BhhCompliance.Reporting;
using BhhCompliance.Reporting.Pdf;

namespace BhhCompliance.Benchmarks;

/// <summary>The tool's identity and the PDF report's built-in wording, as the CLI loads them.</summary>
public static class BuiltInWording
{
    public static ToolInfo Tool { get; } = new("bhh", "0.1.0");

    /// <summary>Loads and compiles the built-in templates (templates/report.yaml).</summary>
    public static PdfWording Load()
    {
        var templates = ReportTemplateLoader.Load(null, ReportSchema.Templates).Templates
            ?? throw new InvalidOperationException("The built-in report templates do not compile.");
        return new PdfWording(templates.Wording);
    }
}
