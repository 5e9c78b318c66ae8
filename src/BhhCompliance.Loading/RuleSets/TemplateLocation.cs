using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Loading.Yaml;

namespace BhhCompliance.Loading.RuleSets;

/// <summary>
/// Turns an offset inside a template into a line and column of the rule file. YAML quoting and
/// folding change the text between file and template, so the position is found by searching
/// the file, from where the scalar starts, for the template text at the offset.
/// </summary>
internal static class TemplateLocation
{
    public static SourceLocation Of(YamlScalar scalar, int offset, RuleFile file)
    {
        var fallback = scalar.At(file.Path);
        var template = scalar.Value;
        if (offset <= 0 || offset >= template.Length)
        {
            return fallback;
        }

        var end = template.IndexOf("}}", offset, StringComparison.Ordinal);
        var snippet = template[offset..(end < 0 ? Math.Min(template.Length, offset + 20) : end + 2)];
        var lines = file.Text.Split('\n');
        for (var line = scalar.Line - 1; line < lines.Length; line++)
        {
            var from = line == scalar.Line - 1 ? Math.Max(0, scalar.Column - 1) : 0;
            if (from > lines[line].Length)
            {
                continue;
            }

            var column = lines[line].IndexOf(snippet, from, StringComparison.Ordinal);
            if (column >= 0)
            {
                return new SourceLocation(file.Path, line + 1, column + 1);
            }
        }

        return fallback;
    }
}
