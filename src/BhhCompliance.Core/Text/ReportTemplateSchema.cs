namespace BhhCompliance.Core.Text;

/// <summary>
/// What the report templates may contain, as the reports define it: the fields of the Markdown
/// template, and the keys and fields of the PDF wording file.
/// </summary>
/// <param name="MarkdownFields">Names the Markdown template may use at its top level.</param>
/// <param name="WordingKeys">Keys the wording file must have.</param>
/// <param name="IsWordingKey">True for any key the wording file may have (the required ones and optional ones).</param>
/// <param name="WordingFields">Names every wording template may use.</param>
public sealed record ReportTemplateSchema(
    IReadOnlySet<string> MarkdownFields,
    IReadOnlyList<string> WordingKeys,
    Func<string, bool> IsWordingKey,
    IReadOnlySet<string> WordingFields);
