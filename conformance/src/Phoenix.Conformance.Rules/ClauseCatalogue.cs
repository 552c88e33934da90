namespace Phoenix.Conformance.Rules;

/// <summary>Every clause the suite knows: the page's (MUST/SHOULD), the COMPAT ones and the ADVISORY ones.</summary>
public static class ClauseCatalogue
{
    private static readonly Dictionary<string, Clause> ById =
        PageClauses.All.Concat(CompatClauses.All).Concat(AdvisoryClauses.All).ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static IReadOnlyList<Clause> All { get; } = [.. PageClauses.All, .. CompatClauses.All, .. AdvisoryClauses.All];

    public static bool TryGet(string id, out Clause clause) => ById.TryGetValue(id, out clause!);

    public static Clause Get(string id) =>
        ById.TryGetValue(id, out var clause) ? clause : throw new KeyNotFoundException($"Unknown clause ID '{id}'.");

    /// <summary>SHA-256 of the catalogue (IDs, levels, profiles, text), so reports say which catalogue they used.</summary>
    public static string Hash
    {
        get
        {
            var text = string.Join('\n', All.Select(c => $"{c.Id}|{c.Level}|{c.Profiles}|{c.Text}"));
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        }
    }
}
