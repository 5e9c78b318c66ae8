using HandlebarsDotNet;

namespace BhhCompliance.Core.Text;

/// <summary>
/// A compiled message or remediation template (Handlebars: logic-less, so a user-edited
/// template cannot run code). Rendering a name the model lacks throws; the engine turns that
/// into an <c>error</c> finding naming the rule.
/// </summary>
public sealed class TextTemplate
{
    private readonly HandlebarsTemplate<object, object> _compiled;

    internal TextTemplate(string source, HandlebarsTemplate<object, object> compiled)
    {
        Source = source;
        _compiled = compiled;
    }

    public string Source { get; }

    public string Render(IReadOnlyDictionary<string, object?> model) => _compiled(model).Trim();

    /// <summary>Compiles <paramref name="source"/>, reporting every problem found instead of throwing.</summary>
    /// <param name="source">The template text.</param>
    /// <param name="fields">
    /// The names the model will have. A name outside it is a problem. <c>null</c> skips that check.
    /// </param>
    public static TemplateCompilation Compile(string source, IReadOnlySet<string>? fields) =>
        TemplateCompiler.Compile(source, fields);
}

/// <summary>A problem in a template, at a character offset in its source.</summary>
public sealed record TemplateProblem(int Offset, string Message, bool IsUnknownName);

public sealed record TemplateCompilation(TextTemplate? Template, IReadOnlyList<TemplateProblem> Problems)
{
    public bool Succeeded => Template is not null && Problems.Count == 0;
}
