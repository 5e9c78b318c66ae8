namespace BhhCompliance.Core.Domain;

/// <summary>One named value of a closed list, such as a role or a core service.</summary>
public sealed record Term(string Id, string Name);

/// <summary>
/// A closed list of ids that snapshot files and rules may use, in the order the program
/// documents give them. Lookups ignore case, so <c>RN</c> and <c>rn</c> are the same term.
/// </summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, Term> _byId;

    public Vocabulary(string description, params Term[] terms)
    {
        Description = description;
        Terms = terms;
        _byId = terms.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What the list names, for messages: "role", "core service".</summary>
    public string Description { get; }

    public IReadOnlyList<Term> Terms { get; }

    public IEnumerable<string> Ids => Terms.Select(t => t.Id);

    public Term? Find(string id) => _byId.GetValueOrDefault(id.Trim());

    /// <summary>As <see cref="Find(string)"/>, for a span of a row, without making a string of it.</summary>
    public Term? Find(ReadOnlySpan<char> id) =>
        _byId.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id.Trim(), out var term) ? term : null;

    public bool Contains(string id) => _byId.ContainsKey(id.Trim());

    /// <summary>The display name of <paramref name="id"/>, or the id itself when it is not listed.</summary>
    public string NameOf(string id) => Find(id)?.Name ?? id;

    /// <summary>Ids sorted in the list's documented order; ids not in the list go last.</summary>
    public IReadOnlyList<string> InDocumentedOrder(IEnumerable<string> ids) =>
        [.. ids.OrderBy(id => Find(id) is { } term ? IndexOf(term) : int.MaxValue).ThenBy(id => id, StringComparer.Ordinal)];

    private int IndexOf(Term term)
    {
        for (var i = 0; i < Terms.Count; i++)
        {
            if (ReferenceEquals(Terms[i], term))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
