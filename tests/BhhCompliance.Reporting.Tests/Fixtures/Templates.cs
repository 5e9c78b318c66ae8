using BhhCompliance.Loading.Templates;
using BhhCompliance.Reporting.Pdf;

namespace BhhCompliance.Reporting.Tests.Fixtures;

/// <summary>The report templates built into the tool, compiled once.</summary>
public static class Templates
{
    public static ReportTemplates BuiltIn { get; } = ReportTemplateLoader.Load(null, ReportSchema.Templates).Templates
        ?? throw new InvalidOperationException("The built-in report templates do not compile.");

    public static MarkdownReport Markdown { get; } = new(BuiltIn.Markdown);

    public static PdfWording Wording { get; } = new(BuiltIn.Wording);
}
