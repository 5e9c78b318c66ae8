using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Findings;

namespace BhhCompliance.Reporting.Diff;

/// <summary>The audit read from a findings.json, or null; and every problem found reading it.</summary>
public sealed record RecordedAuditReadResult(RecordedAudit? Audit, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Reads back a findings.json for <c>bhh diff</c>. It does not throw on bad input: a file that
/// is not JSON is one problem, with the line and column where the JSON reader stopped; a file of
/// another schema is one problem; otherwise every missing or malformed value is reported, each
/// with its path in the document. Keys that are not needed are ignored, so files written by a
/// newer bhh (more keys on findings, more top-level lists) still compare.
/// </summary>
public static class RecordedAuditReader
{
    public const string Schema = FindingsJson.Schema;

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,

        // Two values for one key would make the comparison depend on which one is read.
        AllowDuplicateProperties = false,
    };

    /// <param name="utf8Json">The file's bytes, UTF-8; a byte order mark is skipped.</param>
    /// <param name="file">The file's name as the user gave it, for the messages.</param>
    public static RecordedAuditReadResult Read(Stream utf8Json, string file)
    {
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            utf8Json.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(DiffProblems.CannotRead(file, ex.Message));
        }

        var text = bytes.AsMemory();
        if (text.Span.StartsWith(Encoding.UTF8.Preamble))
        {
            text = text[Encoding.UTF8.Preamble.Length..];
        }

        // The JSON reader checks UTF-8 only when a string is read, and then throws; say where, and why, first.
        if (FirstInvalidByte(text.Span) is { } invalid)
        {
            return Failed(DiffProblems.NotUtf8(Position(file, text.Span, invalid), text.Span[invalid]));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            return Failed(DiffProblems.NotJson(Location(file, ex), Detail(ex)));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Failed(DiffProblems.NotAnObject(file, Describe(root)));
            }

            // A file of another kind would fail every check below; one message says why.
            if (!root.TryGetProperty("schema", out var schema))
            {
                return Failed(DiffProblems.WrongSchema(file, null));
            }

            if (schema.ValueKind != JsonValueKind.String || schema.GetString() != Schema)
            {
                return Failed(DiffProblems.WrongSchema(file, schema.ValueKind == JsonValueKind.String ? schema.GetString() : Describe(schema)));
            }

            var reading = new Reading(file);
            var audit = reading.Audit(root);
            return new RecordedAuditReadResult(reading.Problems.Count == 0 ? audit : null, reading.Problems);
        }
    }

    private static RecordedAuditReadResult Failed(Diagnostic problem) => new(null, [problem]);

    private static int? FirstInvalidByte(ReadOnlySpan<byte> text)
    {
        if (Utf8.IsValid(text))
        {
            return null;
        }

        var chars = new char[Math.Min(text.Length, 4096)];
        var at = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(text[at..], chars, out var read, out _, replaceInvalidSequences: false);
            at += read;
            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData)
            {
                return at;
            }

            if (status == OperationStatus.Done)
            {
                return null;
            }
        }
    }

    /// <summary>The 1-based line and byte column of <paramref name="index"/>.</summary>
    private static SourceLocation Position(string file, ReadOnlySpan<byte> text, int index)
    {
        var before = text[..index];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new SourceLocation(file, before.Count((byte)'\n') + 1, index - lineStart + 1);
    }

    /// <summary>The JSON reader counts lines and bytes from 0; diagnostics count from 1.</summary>
    private static SourceLocation Location(string file, JsonException ex) =>
        ex.LineNumber is { } line
            ? new SourceLocation(file, (int)Math.Min(line + 1, int.MaxValue), (int)Math.Min((ex.BytePositionInLine ?? -1) + 1, int.MaxValue))
            : SourceLocation.OfFile(file);

    /// <summary>The reader's message without the position it appends, which the location already gives.</summary>
    private static string Detail(JsonException ex)
    {
        var message = ex.Message;
        foreach (var tail in new[] { " Path: ", " LineNumber: " })
        {
            var at = message.IndexOf(tail, StringComparison.Ordinal);
            if (at > 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd();
    }

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string '{value.GetString()}'",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    /// <summary>One reading of one file: the problems found so far, and how to read each kind of value.</summary>
    private sealed class Reading(string file)
    {
        public List<Diagnostic> Problems { get; } = [];

        public RecordedAudit Audit(JsonElement root)
        {
            var ruleSet = Object(root, string.Empty, "rule_set") is { } rs
                ? new RecordedRuleSet(String(rs, "rule_set", "name"), String(rs, "rule_set", "version"), String(rs, "rule_set", "sha256"))
                : null;
            var profile = String(root, string.Empty, "profile");
            var agency = Object(root, string.Empty, "agency") is { } a
                ? new RecordedAgency(String(a, "agency", "id"), NullableString(a, "agency", "name"))
                : null;
            var review = Object(root, string.Empty, "review") is { } r
                ? new RecordedReview(String(r, "review", "type"), Date(r, "review", "as_of"), Date(r, "review", "period_start"), Date(r, "review", "period_end"))
                : null;
            var determination = Named(root, string.Empty, "determination", Enum.GetValues<Determination>(), Wire.Name);
            var findings = Findings(root);
            return new RecordedAudit(ruleSet!, profile, agency!, review!, determination ?? default, findings);
        }

        private List<RecordedFinding> Findings(JsonElement root)
        {
            var findings = new List<RecordedFinding>();
            if (!root.TryGetProperty("findings", out var list))
            {
                Problems.Add(DiffProblems.MissingKey(file, "the file", "findings"));
                return findings;
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                Problems.Add(DiffProblems.WrongValue(file, "findings", "a list", Describe(list)));
                return findings;
            }

            var firstIndex = new Dictionary<FindingKey, int>();
            var index = -1;
            foreach (var item in list.EnumerateArray())
            {
                index++;
                var where = $"findings[{index.ToString(CultureInfo.InvariantCulture)}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Problems.Add(DiffProblems.WrongValue(file, where, "an object", Describe(item)));
                    continue;
                }

                var before = Problems.Count;
                var finding = new RecordedFinding(
                    String(item, where, "rule_id"),
                    String(item, where, "subject"),
                    String(item, where, "title"),
                    Named(item, where, "severity", Wire.Severities, Wire.Name) ?? default,
                    Named(item, where, "outcome", Wire.Outcomes, Wire.Name) ?? default,
                    String(item, where, "message"),
                    Evidence(item, where))
                {
                    WaivedOutcome = item.TryGetProperty("waived_outcome", out var waived) && waived.ValueKind != JsonValueKind.Null
                        ? Named(item, where, "waived_outcome", Wire.Outcomes, Wire.Name)
                        : null,
                    RuleVersion = item.TryGetProperty("rule_version", out var version) && version.ValueKind == JsonValueKind.Object
                        ? version.Clone()
                        : null,
                };
                if (Problems.Count > before)
                {
                    continue;
                }

                if (firstIndex.TryGetValue(finding.Key, out var first))
                {
                    Problems.Add(DiffProblems.DuplicateFinding(file, finding.Key, first, index));
                    continue;
                }

                firstIndex[finding.Key] = index;
                findings.Add(finding);
            }

            return findings;
        }

        private List<EvidenceEntry> Evidence(JsonElement finding, string where)
        {
            if (Object(finding, where, "evidence") is not { } evidence)
            {
                return [];
            }

            return [.. evidence.EnumerateObject().Select(p => new EvidenceEntry(p.Name, p.Value.Clone()))];
        }

        private JsonElement? Object(JsonElement parent, string where, string key)
        {
            if (Value(parent, where, key) is not { } value)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(DiffProblems.WrongValue(file, Path(where, key), "an object", Describe(value)));
                return null;
            }

            return value;
        }

        private string String(JsonElement parent, string where, string key) =>
            Text(parent, where, key, nullable: false) ?? string.Empty;

        /// <summary>A string that may be null, such as the name of an agency that has none.</summary>
        private string? NullableString(JsonElement parent, string where, string key) =>
            Text(parent, where, key, nullable: true);

        private string? Text(JsonElement parent, string where, string key, bool nullable)
        {
            if (Value(parent, where, key) is not { } value)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            if (!(nullable && value.ValueKind == JsonValueKind.Null))
            {
                Problems.Add(DiffProblems.WrongValue(file, Path(where, key), nullable ? "a string or null" : "a string", Describe(value)));
            }

            return null;
        }

        private DateOnly Date(JsonElement parent, string where, string key)
        {
            if (Text(parent, where, key, nullable: false) is not { } text)
            {
                return default;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Problems.Add(DiffProblems.WrongValue(file, Path(where, key), "a date (YYYY-MM-DD)", $"'{text}'"));
            }

            return date;
        }

        /// <summary>A value spelt as the contract spells it (<see cref="Wire"/>): <c>not-applicable</c>, <c>major</c>.</summary>
        private T? Named<T>(JsonElement parent, string where, string key, IReadOnlyList<T> values, Func<T, string> name)
            where T : struct, Enum
        {
            if (Value(parent, where, key) is not { } value)
            {
                return null;
            }

            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            foreach (var candidate in values)
            {
                if (name(candidate) == text)
                {
                    return candidate;
                }
            }

            Problems.Add(DiffProblems.WrongValue(file, Path(where, key), $"one of {string.Join(", ", values.Select(name))}", Describe(value)));
            return null;
        }

        private JsonElement? Value(JsonElement parent, string where, string key)
        {
            if (parent.TryGetProperty(key, out var value))
            {
                return value;
            }

            Problems.Add(DiffProblems.MissingKey(file, where.Length == 0 ? "the file" : where, key));
            return null;
        }

        private static string Path(string where, string key) => where.Length == 0 ? key : $"{where}.{key}";
    }
}
