using BhhCompliance.Core.Text;
using BhhCompliance.Reporting.Pdf;

namespace BhhCompliance.Reporting;

/// <summary>What the reports let their templates use: the one schema the template loader checks against.</summary>
public static class ReportSchema
{
    public static ReportTemplateSchema Templates { get; } =
        new(MarkdownReport.Fields, PdfWording.Keys, PdfWording.IsKnownKey, PdfWording.Fields);
}
