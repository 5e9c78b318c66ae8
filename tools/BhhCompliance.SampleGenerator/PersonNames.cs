namespace BhhCompliance.SampleGenerator;

/// <summary>
/// Fictional staff names: common given names and surnames drawn at random and never repeated
/// within a snapshot. Any likeness to a real person is chance.
/// </summary>
internal sealed class PersonNames(SplitMix64 random)
{
    private static readonly string[] Given =
    [
        "Alicia", "Andre", "Bianca", "Caleb", "Carmen", "Dana", "Darnell", "Elena", "Evan", "Fatima",
        "Gabriel", "Grace", "Hector", "Imani", "Isaac", "Jasmine", "Jonah", "Keisha", "Kevin", "Lauren",
        "Leon", "Marisol", "Marcus", "Megan", "Nadia", "Nathan", "Olivia", "Omar", "Paula", "Quentin",
        "Rachel", "Rafael", "Renee", "Samuel", "Sofia", "Tamara", "Terrence", "Valerie", "Victor", "Wendy",
        "Xavier", "Yolanda", "Zachary", "Beth", "Colin", "Deborah", "Felix", "Hannah", "Ivan", "Joy",
    ];

    private static readonly string[] Family =
    [
        "Alvarez", "Bennett", "Brooks", "Castillo", "Chen", "Coleman", "Delgado", "Donovan", "Ellison", "Fitzgerald",
        "Fontaine", "Garvey", "Haddad", "Hollister", "Ibarra", "Jankowski", "Kaminski", "Kowalczyk", "Lindqvist", "Marchetti",
        "McAllister", "Nakamura", "Novak", "Okafor", "Oyelaran", "Pellegrino", "Quintero", "Rasmussen", "Rinaldi", "Santiago",
        "Sheridan", "Sokolov", "Thibodeau", "Underwood", "Valencia", "Vasquez", "Whitfield", "Yamamoto", "Zielinski", "Abernathy",
        "Baptiste", "Carvalho", "Duarte", "Esposito", "Galloway", "Hendricks", "Lachance", "Mendoza", "Ostrowski", "Prescott",
    ];

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Next()
    {
        while (true)
        {
            var name = random.Pick(Given) + " " + random.Pick(Family);
            if (_used.Add(name) || _used.Count >= Given.Length * Family.Length)
            {
                return name;
            }
        }
    }
}
