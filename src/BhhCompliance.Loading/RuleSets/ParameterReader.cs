using System.Globalization;
using BhhCompliance.Core.Rules;
using BhhCompliance.Loading.Yaml;

namespace BhhCompliance.Loading.RuleSets;

/// <summary>Reads a rule's <c>parameters</c> mapping against the parameters its kind declares.</summary>
internal static class ParameterReader
{
    /// <summary>The typed values, or null when any parameter is wrong (each problem is reported).</summary>
    public static ParameterValues? Read(RuleKind kind, YamlNode? node, YamlFields rule)
    {
        var diagnostics = rule.Diagnostics;
        var errorsBefore = diagnostics.ErrorCount;
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var fields = node is null ? null : YamlFields.Of(node, rule.File, diagnostics, "the parameters", "parameters");
        if (node is not null && fields is null)
        {
            return null;
        }

        foreach (var spec in kind.Parameters)
        {
            var value = fields?.Node(spec.Name);
            if (value is null)
            {
                if (fields?.KeyLocation(spec.Name) is { } emptyAt)
                {
                    diagnostics.Add(Problems.WrongType(emptyAt, spec.Name, spec.TypeName, "nothing"));
                }
                else if (spec.Required)
                {
                    diagnostics.Add(Problems.MissingParameter(node?.At(rule.File) ?? rule.Location, spec.Name, kind.Name));
                }

                continue;
            }

            if (ReadValue(spec, value, fields!) is not { } typed)
            {
                continue;
            }

            if (spec.Check(typed) is { } problem)
            {
                diagnostics.Add(Problems.BadParameter(value.At(rule.File), problem));
            }
            else
            {
                values[spec.Name] = typed;
            }
        }

        fields?.ReportUnknownKeys((at, key, _, _) => Problems.UnknownParameter(at, key, kind.Name, kind.Parameters.Select(p => p.Name)));
        return diagnostics.ErrorCount == errorsBefore ? new ParameterValues(values) : null;
    }

    private static object? ReadValue(ParameterSpec spec, YamlNode node, YamlFields fields)
    {
        switch (spec.Type)
        {
            case ParameterType.Decimal:
                return fields.AsDecimal(node, spec.Name);

            case ParameterType.Integer:
                {
                    if (fields.AsDecimal(node, spec.Name) is not { } number)
                    {
                        return null;
                    }

                    if (number != decimal.Truncate(number) || number < int.MinValue || number > int.MaxValue)
                    {
                        fields.Diagnostics.Add(Problems.WrongType(node.At(fields.File), spec.Name, "a whole number (at most 2,147,483,647)", $"'{number.ToString(CultureInfo.InvariantCulture)}'"));
                        return null;
                    }

                    return number;
                }

            case ParameterType.Text:
                return fields.AsText(node, spec.Name)?.Trim();

            case ParameterType.TextList:
                {
                    if (node is not YamlSequence sequence)
                    {
                        fields.Diagnostics.Add(Problems.WrongType(node.At(fields.File), spec.Name, "a list", node.Describe()));
                        return null;
                    }

                    var items = new List<string>();
                    foreach (var item in sequence.Items)
                    {
                        if (fields.AsText(item, spec.Name) is not { } text)
                        {
                            return null;
                        }

                        items.Add(text.Trim());
                    }

                    return (IReadOnlyList<string>)items;
                }

            default:
                throw new InvalidOperationException($"Unknown parameter type {spec.Type}.");
        }
    }
}
