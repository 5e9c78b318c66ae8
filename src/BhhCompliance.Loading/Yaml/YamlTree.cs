using BhhCompliance.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BhhCompliance.Loading.Yaml;

/// <summary>A YAML node with the position where it starts (1-based line and column).</summary>
internal abstract record YamlNode(int Line, int Column)
{
    public SourceLocation At(string file) => new(file, Line, Column);

    public abstract string Describe();
}

internal sealed record YamlScalar(string Value, ScalarStyle Style, int Line, int Column) : YamlNode(Line, Column)
{
    /// <summary>A plain scalar that YAML reads as null: empty, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool IsPlain => Style == ScalarStyle.Plain;

    public override string Describe() => IsNull ? "nothing" : $"'{Value}'";
}

internal sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column)
{
    public override string Describe() => "a list";
}

/// <summary>A node already reported as invalid (an alias): readers skip it without reporting it again.</summary>
internal sealed record YamlInvalid(int Line, int Column) : YamlNode(Line, Column)
{
    public override string Describe() => "an alias";
}

internal sealed record YamlMapping(IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries, int Line, int Column) : YamlNode(Line, Column)
{
    public override string Describe() => "a mapping";
}

/// <summary>
/// Reads a YAML document into a small node tree that keeps every key, duplicates included,
/// and every position. YamlDotNet's deserializer stops at the first problem; walking this tree
/// instead lets the loaders report every problem with its line and column.
/// </summary>
internal static class YamlTree
{
    /// <summary>The document's root, or null when the file is empty or cannot be parsed.</summary>
    public static YamlNode? Parse(string text, string file, DiagnosticBag diagnostics)
    {
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, diagnostics);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Add(Problems.SeveralDocuments(new SourceLocation(file, Line(second.Start), Column(second.Start))));
            }

            return root;
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Problems.YamlSyntax(new SourceLocation(file, Line(ex.Start), Column(ex.Start)), Reason(ex)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on text it cannot scan (a
            // '[' or '{' left open is caught where it opens, in ReadNode); report where it stopped.
            var at = scanner.CurrentPosition;
            diagnostics.Add(Problems.YamlSyntax(new SourceLocation(file, Line(at), Column(at)), "the text cannot be scanned from here on."));
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, string file, DiagnosticBag diagnostics)
    {
        var current = parser.Current ?? throw new YamlException("Unexpected end of the document.");
        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return new YamlScalar(scalar.Value, scalar.Style, Line(scalar.Start), Column(scalar.Start));

            case SequenceStart start:
                {
                    var items = new List<YamlNode>();
                    try
                    {
                        parser.MoveNext();
                        while (!parser.TryConsume<SequenceEnd>(out _))
                        {
                            items.Add(ReadNode(parser, file, diagnostics));
                        }
                    }
                    catch (InvalidOperationException ex) when (start.Style == SequenceStyle.Flow)
                    {
                        throw NotClosed(start, "'[' list", ex);
                    }

                    return new YamlSequence(items, Line(start.Start), Column(start.Start));
                }

            case MappingStart start:
                {
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    try
                    {
                        parser.MoveNext();
                        while (!parser.TryConsume<MappingEnd>(out _))
                        {
                            var keyNode = ReadNode(parser, file, diagnostics);
                            var value = ReadNode(parser, file, diagnostics);
                            var key = keyNode as YamlScalar ?? new YamlScalar("?", ScalarStyle.Plain, keyNode.Line, keyNode.Column);
                            entries.Add(new(key, value));
                        }
                    }
                    catch (InvalidOperationException ex) when (start.Style == MappingStyle.Flow)
                    {
                        throw NotClosed(start, "'{' mapping", ex);
                    }

                    return new YamlMapping(entries, Line(start.Start), Column(start.Start));
                }

            case AnchorAlias alias:
                parser.MoveNext();
                diagnostics.Add(Problems.YamlAlias(new SourceLocation(file, Line(alias.Start), Column(alias.Start))));
                return new YamlInvalid(Line(alias.Start), Column(alias.Start));

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name}.");
        }
    }

    /// <summary>
    /// YamlDotNet's scanner throws <see cref="InvalidOperationException"/>, without a position, when
    /// a flow collection is left open and the text goes on past its line: named where it opens.
    /// </summary>
    private static YamlException NotClosed(ParsingEvent start, string what, Exception inner) =>
        new(start.Start, start.End, $"the {what} that starts here is not closed.", inner);

    private static int Line(Mark mark) => (int)mark.Line;

    private static int Column(Mark mark) => (int)mark.Column;

    /// <summary>YamlDotNet prefixes its messages with the position, which the diagnostic already shows.</summary>
    private static string Reason(YamlException ex)
    {
        var message = (ex.InnerException as YamlException ?? ex).Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return close >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(close + 3)..] : message;
    }
}
