using BhhCompliance.Core.Diagnostics;
using BhhCompliance.Core.Findings;
using BhhCompliance.Core.Rules;
using BhhCompliance.Core.Text;
using BhhCompliance.Loading.Yaml;

namespace BhhCompliance.Loading.RuleSets;

public sealed record RuleSetLoadResult(RuleSet? RuleSet, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Loads a rule set from YAML: a <c>rule_set</c> section (name, version), <c>rules</c> and
/// <c>profiles</c>, spread over any number of files. Strict: unknown keys, wrong types,
/// duplicate ids, unknown kinds or parameters and bad templates are errors, and every one is
/// reported with its file, line and column. Nothing is returned while any error stands.
/// </summary>
public sealed class RuleSetLoader(RuleKindCatalog kinds)
{
    public RuleSetLoadResult Load(IRuleSource source)
    {
        var diagnostics = new DiagnosticBag();
        if (!source.Exists)
        {
            diagnostics.Add(Problems.RuleFolderMissing(SourceLocation.OfFile(source.Description)));
            return new RuleSetLoadResult(null, diagnostics.ToList());
        }

        var files = source.Files();
        if (files.Count == 0)
        {
            diagnostics.Add(Problems.NoRuleFiles(SourceLocation.OfFile(source.Description)));
            return new RuleSetLoadResult(null, diagnostics.ToList());
        }

        var draft = new Draft();
        foreach (var file in files)
        {
            ReadFile(file, draft, diagnostics);
        }

        // A file that could not be parsed may hold the section; its syntax error is the problem to fix.
        if (draft.Header is null && draft.HeaderLocation is null && !draft.SomeFileUnreadable)
        {
            diagnostics.Add(Problems.NoRuleSetHeader(SourceLocation.OfFile(files[0].Path)));
        }

        CheckProfiles(draft, diagnostics);
        CheckVersions(draft, draft.Header?.Continuous ?? false, diagnostics);
        if (diagnostics.HasErrors || draft.Header is not { } header)
        {
            return new RuleSetLoadResult(null, diagnostics.ToList());
        }

        var rules = draft.Rules.Select(r => r.Rule).ToList();
        var profiles = draft.Profiles.Select(p => p.Profile).ToList();
        var identity = new RuleSetIdentity(header.Name, header.Version, CanonicalForm.Sha256(header, rules, profiles));
        var ruleSet = new RuleSet(identity, rules, profiles) { MaxWaiverDays = header.MaxWaiverDays };
        return new RuleSetLoadResult(ruleSet, diagnostics.ToList());
    }

    private void ReadFile(RuleFile file, Draft draft, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var root = YamlTree.Parse(file.Text, file.Path, diagnostics);
        if (root is null)
        {
            draft.SomeFileUnreadable |= diagnostics.ErrorCount > errorsBefore;
            return;
        }

        var top = YamlFields.Of(root, file.Path, diagnostics, "a rule file", null);
        if (top is null)
        {
            return;
        }

        if (top.Mapping("rule_set", "the rule_set section") is { } header)
        {
            ReadHeader(header, draft, diagnostics);
        }

        foreach (var node in top.Sequence("rules") ?? [])
        {
            if (YamlFields.Of(node, file.Path, diagnostics, "a rule", "rules") is { } rule)
            {
                ReadRule(rule, file, draft);
            }
        }

        foreach (var node in top.Sequence("profiles") ?? [])
        {
            if (YamlFields.Of(node, file.Path, diagnostics, "a profile", "profiles") is { } profile)
            {
                ReadProfile(profile, draft);
            }
        }

        top.ReportUnknownKeys();
    }

    private static void ReadHeader(YamlFields fields, Draft draft, DiagnosticBag diagnostics)
    {
        var name = fields.Text("name", required: true);
        var version = fields.Text("version", required: true);
        fields.Text("description");
        var maxWaiverDays = fields.Integer("max_waiver_days");
        var continuous = fields.Boolean("continuous");
        fields.ReportUnknownKeys();
        if (maxWaiverDays is < 1 or > 3650)
        {
            diagnostics.Add(Problems.BadParameter(fields.Node("max_waiver_days")!.At(fields.File), $"'max_waiver_days' must be from 1 to 3650, got {maxWaiverDays}."));
            maxWaiverDays = null;
        }

        if (draft.HeaderLocation is { } first)
        {
            diagnostics.Add(Problems.SecondRuleSetHeader(fields.Location, first));
            return;
        }

        draft.HeaderLocation = fields.Location;
        if (name is not null && version is not null)
        {
            draft.Header = new RuleSetHeader(name, version, maxWaiverDays ?? RuleSet.DefaultMaxWaiverDays, continuous ?? false);
        }
    }

    private void ReadRule(YamlFields fields, RuleFile file, Draft draft)
    {
        var diagnostics = fields.Diagnostics;
        var idNode = fields.Scalar("id", required: true);
        var kindNode = fields.Scalar("kind", required: true);
        var title = fields.Text("title", required: true);
        var severityNode = fields.Scalar("severity", required: true);
        var citation = fields.Text("citation", required: true);
        var parametersNode = fields.Node("parameters");
        var messageNode = fields.Scalar("message", required: true);
        var remediationNode = fields.Scalar("remediation", required: true);
        var waivable = fields.Boolean("waivable");
        var effectiveFrom = fields.Date("effective_from");
        var effectiveTo = fields.Date("effective_to");
        fields.ReportUnknownKeys();
        if (effectiveFrom is { } from && effectiveTo is { } to && to < from)
        {
            diagnostics.Add(Problems.EffectiveToBeforeFrom(fields.Node("effective_to")!.At(file.Path), from, to));
        }

        var id = idNode?.Value.Trim();
        if (idNode is not null && id is not null)
        {
            if (!RuleIds.IsValid(id))
            {
                diagnostics.Add(Problems.BadRuleId(idNode.At(file.Path), id));
            }
            else
            {
                // Several versions of one id are checked against each other once every file is read.
                if (!draft.Versions.TryGetValue(id, out var versions))
                {
                    draft.Versions[id] = versions = [];
                }

                versions.Add(new RuleVersionDraft(idNode.At(file.Path), effectiveFrom, effectiveTo));
            }
        }

        Severity? severity = null;
        if (severityNode is not null)
        {
            if (Wire.TryParseSeverity(severityNode.Value.Trim(), out var parsed))
            {
                severity = parsed;
            }
            else
            {
                diagnostics.Add(Problems.UnknownSeverity(severityNode.At(file.Path), severityNode.Value));
            }
        }

        RuleKind? kind = null;
        if (kindNode is not null)
        {
            kind = kinds.Find(kindNode.Value.Trim());
            if (kind is null)
            {
                diagnostics.Add(Problems.UnknownKind(kindNode.At(file.Path), kindNode.Value, kinds.All.Select(k => k.Name)));
            }
        }

        // Without a known kind, neither parameters nor template names can be checked.
        if (kind is null)
        {
            return;
        }

        var parameters = ParameterReader.Read(kind, parametersNode, fields);
        if (parameters is not null && kind.CheckParameters(parameters) is { } together)
        {
            diagnostics.Add(Problems.BadParameter(parametersNode?.At(file.Path) ?? fields.Location, together));
            parameters = null;
        }
        var ruleId = id ?? "the rule";
        var templateFields = kind.AllTemplateFields();
        var message = CompileTemplate(messageNode, "message", ruleId, templateFields, file, diagnostics);
        var remediation = CompileTemplate(remediationNode, "remediation", ruleId, templateFields, file, diagnostics);

        if (id is not null && title is not null && severity is { } s && citation is not null
            && parameters is not null && message is not null && remediation is not null && RuleIds.IsValid(id))
        {
            var rule = new RuleDefinition(id, kind.Name, title.Trim(), s, citation.Trim(), parameters, message, remediation)
            {
                Waivable = waivable ?? true,
                EffectiveFrom = effectiveFrom,
                EffectiveTo = effectiveTo,
            };
            draft.Rules.Add((rule, idNode!.At(file.Path)));
        }
    }

    private static TextTemplate? CompileTemplate(
        YamlScalar? node,
        string field,
        string ruleId,
        IReadOnlySet<string> names,
        RuleFile file,
        DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        var compilation = TextTemplate.Compile(node.Value, names);
        foreach (var problem in compilation.Problems)
        {
            var at = TemplateLocation.Of(node, problem.Offset, file);
            diagnostics.Add(problem.IsUnknownName
                ? Problems.TemplateUnknownName(at, field, ruleId, problem.Message)
                : Problems.TemplateSyntax(at, field, ruleId, problem.Message));
        }

        return compilation.Succeeded ? compilation.Template : null;
    }

    private static void ReadProfile(YamlFields fields, Draft draft)
    {
        var diagnostics = fields.Diagnostics;
        var nameNode = fields.Scalar("name", required: true);
        var description = fields.Text("description");
        var entries = fields.Sequence("rules", required: true);
        fields.ReportUnknownKeys();

        var include = new List<(string Entry, YamlNode Node)>();
        foreach (var node in entries ?? [])
        {
            if (fields.AsText(node, "rules") is { } entry)
            {
                entry = entry.Trim();
                var isPattern = entry.EndsWith('*') && RuleIds.IsValidPrefix(entry[..^1]);
                if (isPattern || RuleIds.IsValid(entry))
                {
                    include.Add((entry, node));
                }
                else
                {
                    diagnostics.Add(Problems.BadProfileEntry(node.At(fields.File), entry));
                }
            }
        }

        if (nameNode is null || entries is null)
        {
            return;
        }

        var name = nameNode.Value.Trim();
        if (draft.Profiles.FirstOrDefault(p => p.Profile.Name == name) is { Profile: not null } first)
        {
            diagnostics.Add(Problems.DuplicateProfile(nameNode.At(fields.File), name, first.Location));
            return;
        }

        draft.Profiles.Add((new Profile(name, description?.Trim() ?? string.Empty, [.. include.Select(i => i.Entry)]), nameNode.At(fields.File)));
        draft.ProfileEntries.Add((name, include.Select(i => (i.Entry, i.Node.At(fields.File))).ToList()));
    }

    private static void CheckProfiles(Draft draft, DiagnosticBag diagnostics)
    {
        foreach (var (profile, entries) in draft.ProfileEntries)
        {
            foreach (var (entry, at) in entries)
            {
                // A prefix may select nothing yet (a family of rules still to come); a named rule must exist.
                if (!entry.EndsWith('*') && !draft.Versions.ContainsKey(entry))
                {
                    diagnostics.Add(Problems.ProfileNamesUnknownRule(at, profile, entry));
                }
            }
        }
    }

    /// <summary>
    /// Versions of one rule id: each must carry dates, none may be in force on a day another is,
    /// and in a continuous rule set each must start the day after the previous one ends.
    /// </summary>
    private static void CheckVersions(Draft draft, bool continuous, DiagnosticBag diagnostics)
    {
        foreach (var (id, versions) in draft.Versions)
        {
            if (versions.Count < 2)
            {
                continue;
            }

            // An undated version is in force every day: a second definition is a duplicate, as it always was.
            if (versions.Any(v => v.From is null && v.To is null))
            {
                foreach (var later in versions.Skip(1))
                {
                    diagnostics.Add(Problems.DuplicateRuleId(later.At, id, versions[0].At));
                }

                continue;
            }

            var ordered = versions.OrderBy(v => v.From ?? DateOnly.MinValue).ThenBy(v => v.At.Line).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (previous, next) = (ordered[i - 1], ordered[i]);
                var previousEnd = previous.To ?? DateOnly.MaxValue;
                var nextStart = next.From ?? DateOnly.MinValue;
                if (nextStart <= previousEnd)
                {
                    diagnostics.Add(Problems.OverlappingVersions(next.At, id, next.Describe(), previous.At, previous.Describe()));
                }
                else if (continuous && nextStart != previousEnd.AddDays(1))
                {
                    diagnostics.Add(Problems.GapBetweenVersions(next.At, id, previousEnd, nextStart));
                }
            }
        }
    }

    /// <summary>The rule_set section: identity and settings.</summary>
    internal sealed record RuleSetHeader(string Name, string Version, int MaxWaiverDays, bool Continuous);

    private sealed record RuleVersionDraft(SourceLocation At, DateOnly? From, DateOnly? To)
    {
        public string Describe() =>
            $"{(From is { } from ? "from " + Formats.Date(from) : "from the start")} {(To is { } to ? "to " + Formats.Date(to) : "with no end")}";
    }

    private sealed class Draft
    {
        public RuleSetHeader? Header { get; set; }

        public SourceLocation? HeaderLocation { get; set; }

        public bool SomeFileUnreadable { get; set; }

        public Dictionary<string, List<RuleVersionDraft>> Versions { get; } = new(StringComparer.Ordinal);

        public List<(RuleDefinition Rule, SourceLocation Location)> Rules { get; } = [];

        public List<(Profile Profile, SourceLocation Location)> Profiles { get; } = [];

        public List<(string Profile, List<(string Entry, SourceLocation At)> Entries)> ProfileEntries { get; } = [];
    }
}
