namespace BhhCompliance.Cli;

public enum OutputFormat
{
    Text,
    Json,
    Markdown,
    Pdf,
}

/// <summary>One output of an audit: a format, and a file or (null) standard output.</summary>
public sealed record OutputTarget(OutputFormat Format, string? Path);

/// <summary>
/// Pairs <c>--format</c> and <c>--out</c> options in the order given: the first format with the
/// first file, and so on. A file without a format takes it from its extension; a format without
/// a file goes to standard output (one at most). With neither, the text summary goes to
/// standard output. A file whose extension names another format than the one paired with it
/// is refused: the options were most likely given in another order.
/// </summary>
public static class OutputPlan
{
    public static (IReadOnlyList<OutputTarget> Targets, string? Error) From(IReadOnlyList<string> formats, IReadOnlyList<string> outs)
    {
        var targets = new List<OutputTarget>();
        for (var i = 0; i < Math.Max(formats.Count, outs.Count); i++)
        {
            var path = i < outs.Count ? outs[i] : null;
            OutputFormat format;
            if (i < formats.Count)
            {
                if (ParseFormat(formats[i]) is not { } parsed)
                {
                    return ([], $"Unknown format '{formats[i]}'. Formats: json, md, text, pdf.");
                }

                format = parsed;
                if (path is not null && FromExtension(path) is { } named && named != format)
                {
                    return ([], $"--out {path} is paired with --format {formats[i]}, but its extension is for {Name(named)}. Each --format goes with the --out in the same position; give them in the same order.");
                }
            }
            else if (FromExtension(path!) is { } inferred)
            {
                format = inferred;
            }
            else
            {
                return ([], $"Cannot tell the format of '{path}' from its extension; add --format json, md, text or pdf before it.");
            }

            targets.Add(new OutputTarget(format, path));
        }

        if (targets.Count == 0)
        {
            targets.Add(new OutputTarget(OutputFormat.Text, null));
        }

        if (targets.Count(t => t.Path is null) > 1)
        {
            return ([], "Only one format can go to standard output; give the others an --out file.");
        }

        if (targets.Any(t => t.Path is null && t.Format == OutputFormat.Pdf))
        {
            return ([], "A PDF cannot go to standard output; give it an --out file.");
        }

        return (targets, null);
    }

    internal static OutputFormat? ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "text" or "txt" => OutputFormat.Text,
        "json" => OutputFormat.Json,
        "md" or "markdown" => OutputFormat.Markdown,
        "pdf" => OutputFormat.Pdf,
        _ => null,
    };

    private static string Name(OutputFormat format) => format switch
    {
        OutputFormat.Markdown => "md",
        _ => format.ToString().ToLowerInvariant(),
    };

    private static OutputFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" => OutputFormat.Text,
        ".json" => OutputFormat.Json,
        ".md" or ".markdown" => OutputFormat.Markdown,
        ".pdf" => OutputFormat.Pdf,
        _ => null,
    };
}
