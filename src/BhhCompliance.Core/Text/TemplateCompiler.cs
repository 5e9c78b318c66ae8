using System.Globalization;
using System.Text.RegularExpressions;
using HandlebarsDotNet;

namespace BhhCompliance.Core.Text;

/// <summary>
/// The one Handlebars environment of the project, with the helpers templates may use, and a
/// checker that finds unbalanced blocks, unknown helpers and unknown field names with their
/// position before Handlebars compiles the text.
/// </summary>
internal static partial class TemplateCompiler
{
    private static readonly Lock Gate = new();

    private static readonly HashSet<string> BlockHelpers = ["if", "unless", "each", "with"];

    /// <summary>Blocks inside which names refer to the current item, not the model.</summary>
    private static readonly HashSet<string> ScopeChangingBlocks = ["each", "with"];

    private static readonly IHandlebars Environment = CreateEnvironment();

    /// <summary>Helper names and what they do, for documentation and the checker.</summary>
    public static IReadOnlyDictionary<string, string> Helpers { get; } = new Dictionary<string, string>
    {
        ["fixed"] = "a number with two decimals: {{fixed actual_fte}} gives 3.50",
        ["number"] = "a number with up to two decimals: {{number census}} gives 812",
        ["percent"] = "a rate as a percentage, rounded down: {{percent rate}} gives 92.5%",
        ["money"] = "an amount in dollars: {{money amount_at_risk}} gives $1,234.00",
        ["list"] = "a list joined with commas (or a separator you give), or 'none': {{list missing}}, {{list unmet \"; \"}}",
        ["plural"] = "a word for a count: {{plural unmet \"month\" \"months\"}}",
        ["default"] = "a value, or a fallback when it is empty: {{default license_type \"none recorded\"}}",
    };

    public static TemplateCompilation Compile(string source, IReadOnlySet<string>? fields)
    {
        var problems = Check(source, fields);
        if (problems.Any(p => !p.IsUnknownName))
        {
            return new TemplateCompilation(null, problems);
        }

        try
        {
            HandlebarsTemplate<object, object> compiled;
            lock (Gate)
            {
                compiled = Environment.Compile(source);
            }

            return new TemplateCompilation(new TextTemplate(source, compiled), problems);
        }
        catch (HandlebarsException ex)
        {
            return new TemplateCompilation(null, [.. problems, new TemplateProblem(0, FirstLine(ex.Message), false)]);
        }
    }

    private static List<TemplateProblem> Check(string source, IReadOnlySet<string>? fields)
    {
        var problems = new List<TemplateProblem>();
        var blocks = new Stack<(string Name, int Offset)>();
        var position = 0;
        while (true)
        {
            var open = source.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var triple = source.AsSpan(open).StartsWith("{{{");
            var closer = triple ? "}}}" : "}}";
            var close = source.IndexOf(closer, open + closer.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                problems.Add(new TemplateProblem(open, "'{{' is never closed with '}}'.", false));
                break;
            }

            position = close + closer.Length;
            var body = source[(open + closer.Length)..close].Trim().Trim('~').Trim();
            if (body.StartsWith('!'))
            {
                continue;
            }

            if (body.Length == 0)
            {
                problems.Add(new TemplateProblem(open, "An empty '{{}}' names nothing.", false));
                continue;
            }

            var insideScope = blocks.Any(b => ScopeChangingBlocks.Contains(b.Name));
            switch (body[0])
            {
                case '#':
                    {
                        var tokens = Tokens(body[1..]);
                        var name = tokens.FirstOrDefault() ?? string.Empty;
                        if (!BlockHelpers.Contains(name))
                        {
                            problems.Add(new TemplateProblem(open, $"'{{{{#{name}}}}}' is not a block this template language has (if, unless, each, with).", false));
                        }

                        CheckArguments(tokens.Skip(1), open, fields, insideScope, problems);
                        blocks.Push((name, open));
                        break;
                    }

                case '/':
                    {
                        var name = body[1..].Trim();
                        if (blocks.Count == 0)
                        {
                            problems.Add(new TemplateProblem(open, $"'{{{{/{name}}}}}' closes a block that was never opened.", false));
                        }
                        else if (blocks.Peek().Name != name)
                        {
                            problems.Add(new TemplateProblem(open, $"'{{{{/{name}}}}}' closes '{{{{#{blocks.Peek().Name}}}}}'; close blocks in the order they were opened.", false));
                            blocks.Pop();
                        }
                        else
                        {
                            blocks.Pop();
                        }

                        break;
                    }

                case '>':
                    problems.Add(new TemplateProblem(open, "Partials ('{{>') are not available in message templates.", false));
                    break;

                default:
                    {
                        var tokens = Tokens(body.TrimStart('&', '^'));
                        if (tokens[0] == "else")
                        {
                            if (blocks.Count == 0)
                            {
                                problems.Add(new TemplateProblem(open, "'{{else}}' is outside any block.", false));
                            }

                            // {{else if x}} chains another condition onto the open block.
                            if (tokens.Count > 1)
                            {
                                if (tokens[1] is not ("if" or "unless"))
                                {
                                    problems.Add(new TemplateProblem(open, $"'{{{{else {tokens[1]}}}}}' must be '{{{{else if ...}}}}' or '{{{{else unless ...}}}}'.", false));
                                }

                                CheckArguments(tokens.Skip(2), open, fields, insideScope, problems);
                            }

                            break;
                        }

                        if (tokens.Count > 1 || Helpers.ContainsKey(tokens[0]))
                        {
                            if (!Helpers.ContainsKey(tokens[0]))
                            {
                                problems.Add(new TemplateProblem(open, $"'{tokens[0]}' is not a helper. Helpers: {string.Join(", ", Helpers.Keys)}.", false));
                            }

                            CheckArguments(tokens.Skip(1), open, fields, insideScope, problems);
                        }
                        else
                        {
                            CheckArguments(tokens, open, fields, insideScope, problems);
                        }

                        break;
                    }
            }
        }

        foreach (var (name, offset) in blocks)
        {
            problems.Add(new TemplateProblem(offset, $"'{{{{#{name}}}}}' is never closed with '{{{{/{name}}}}}'.", false));
        }

        return [.. problems.OrderBy(p => p.Offset)];
    }

    private static void CheckArguments(IEnumerable<string> tokens, int offset, IReadOnlySet<string>? fields, bool insideScope, List<TemplateProblem> problems)
    {
        if (fields is null || insideScope)
        {
            return;
        }

        foreach (var token in tokens)
        {
            if (IsLiteral(token) || token.StartsWith('@') || token.StartsWith("this", StringComparison.Ordinal) || token.StartsWith('.'))
            {
                continue;
            }

            var root = token.Split('.', '/')[0];
            var equals = root.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                root = root[(equals + 1)..];
                if (IsLiteral(root))
                {
                    continue;
                }
            }

            if (!fields.Contains(root))
            {
                problems.Add(new TemplateProblem(offset, $"'{root}' is not a known field. Fields: {string.Join(", ", fields.Order(StringComparer.Ordinal))}.", true));
            }
        }
    }

    private static bool IsLiteral(string token) =>
        token.StartsWith('"') || token.StartsWith('\'') || token is "true" or "false" or "null" or "undefined"
        || decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out _);

    private static List<string> Tokens(string body) =>
        [.. TokenPattern().Matches(body).Select(m => m.Value)];

    [GeneratedRegex("\"[^\"]*\"|'[^']*'|[^\\s]+")]
    private static partial Regex TokenPattern();

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    private static IHandlebars CreateEnvironment()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            NoEscape = true,
            FormatProvider = CultureInfo.InvariantCulture,
        });

        handlebars.RegisterHelper("fixed", (writer, _, args) => writer.WriteSafeString(Formats.Fixed(ToDecimal(args, 0))));
        handlebars.RegisterHelper("number", (writer, _, args) => writer.WriteSafeString(Formats.Number(ToDecimal(args, 0))));
        handlebars.RegisterHelper("percent", (writer, _, args) => writer.WriteSafeString(Formats.Percent(ToDecimal(args, 0))));
        handlebars.RegisterHelper("money", (writer, _, args) => writer.WriteSafeString(Formats.Money(ToDecimal(args, 0))));
        handlebars.RegisterHelper("list", (writer, _, args) =>
        {
            var items = args.Length > 0 && args[0] is System.Collections.IEnumerable e and not string
                ? e.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)).ToList()
                : [];
            var separator = Arg(args, 1) as string ?? ", ";
            writer.WriteSafeString(items.Count == 0 ? "none" : string.Join(separator, items));
        });
        handlebars.RegisterHelper("plural", (writer, _, args) =>
        {
            var count = ToDecimal(args, 0);
            writer.WriteSafeString(Convert.ToString(count == 1m ? Arg(args, 1) : Arg(args, 2), CultureInfo.InvariantCulture) ?? string.Empty);
        });
        handlebars.RegisterHelper("default", (writer, _, args) =>
        {
            var value = Arg(args, 0);
            var text = value is null ? string.Empty : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            writer.WriteSafeString(text.Length > 0 ? text : Convert.ToString(Arg(args, 1), CultureInfo.InvariantCulture) ?? string.Empty);
        });

        return handlebars;
    }

    private static object? Arg(Arguments args, int index) => index < args.Length ? args[index] : null;

    private static decimal ToDecimal(Arguments args, int index) => Arg(args, index) switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double d => (decimal)d,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        null => throw new InvalidOperationException("a number helper in a template was given no value"),
        System.Collections.IEnumerable => throw new InvalidOperationException("a number helper in a template was given a list, which is not a number"),
        var other => throw new InvalidOperationException($"a number helper in a template was given '{other}', which is not a number"),
    };
}
