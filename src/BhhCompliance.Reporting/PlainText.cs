using BhhCompliance.Core.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace BhhCompliance.Reporting;

/// <summary>What the reports' text and JSON writers share.</summary>
internal static class PlainText
{
    /// <summary>The JSON documents' layout: indented, LF line endings, non-ASCII text as is.</summary>
    public static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Opens a JSON document the way every one of ours starts: its schema, then the tool that wrote it.</summary>
    public static void StartDocument(Utf8JsonWriter json, string schema, ToolInfo tool)
    {
        json.WriteStartObject();
        json.WriteString("schema", schema);
        json.WriteStartObject("tool");
        json.WriteString("name", tool.Name);
        json.WriteString("version", tool.Version);
        json.WriteEndObject();
    }

    /// <summary>The <c>rule_set</c> object of our JSON documents: name, version and sha256.</summary>
    public static void WriteRuleSet(Utf8JsonWriter json, string name, string version, string sha256)
    {
        json.WriteStartObject("rule_set");
        json.WriteString("name", name);
        json.WriteString("version", version);
        json.WriteString("sha256", sha256);
        json.WriteEndObject();
    }

    /// <summary>The <c>agency</c> and <c>review</c> objects of findings.json (cli.md), as every JSON output that names an audit writes them.</summary>
    public static void WriteAgencyAndReview(Utf8JsonWriter json, string agencyId, string? agencyName, string reviewType, DateOnly asOf, DateOnly periodStart, DateOnly periodEnd)
    {
        json.WriteStartObject("agency");
        json.WriteString("id", agencyId);
        json.WriteString("name", agencyName);
        json.WriteEndObject();

        json.WriteStartObject("review");
        json.WriteString("type", reviewType);
        json.WriteString("as_of", Formats.Date(asOf));
        json.WriteString("period_start", Formats.Date(periodStart));
        json.WriteString("period_end", Formats.Date(periodEnd));
        json.WriteEndObject();
    }

    /// <summary>
    /// Renders to plain text for a file or a pipe: no colour, <paramref name="width"/> columns,
    /// LF line endings, no trailing spaces, one final newline.
    /// </summary>
    public static string Render(int width, Action<IAnsiConsole> render)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        render(console);
        var lines = writer.ToString().ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd());
        return string.Join("\n", lines).TrimEnd() + "\n";
    }
}
