using Phoenix.Mutation.Mutants;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Phoenix.Mutation.Equivalents;

/// <summary>
/// conformance/mutation/equivalent-mutants.yaml: mutants no rule can kill because they do not change behaviour. Each
/// names the mutant by its stable parts (script, line, operator, original → replacement text) and gives a reason; a
/// listed mutant is not run and not scored. An entry without a reason is refused, so none is added silently.
/// </summary>
public sealed class EquivalentMutants
{
    private readonly IReadOnlyList<EquivalentMutant> _entries;

    private EquivalentMutants(IReadOnlyList<EquivalentMutant> entries) => _entries = entries;

    public static EquivalentMutants None { get; } = new([]);

    public IReadOnlyList<EquivalentMutant> Entries => _entries;

    public EquivalentMutant? Find(Mutant mutant) => _entries.FirstOrDefault(e => e.Matches(mutant));

    /// <summary>Entries that match none of <paramref name="mutants"/>: the line moved or the code changed.</summary>
    public IEnumerable<EquivalentMutant> Stale(IEnumerable<Mutant> mutants)
    {
        var all = mutants.ToArray();
        return _entries.Where(e => !all.Any(e.Matches));
    }

    public static EquivalentMutants Load(string path) => Parse(File.ReadAllText(path), path);

    public static EquivalentMutants Parse(string yaml, string origin = "equivalent-mutants.yaml")
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        FileModel? model;
        try
        {
            model = deserializer.Deserialize<FileModel?>(yaml);
        }
        catch (YamlException e)
        {
            throw new FormatException($"{origin}: {e.Message}", e);
        }
        var entries = new List<EquivalentMutant>();
        foreach (var (entry, index) in (model?.Equivalents ?? []).Select((e, i) => (e, i + 1)))
        {
            string Required(string? value, string field) => string.IsNullOrWhiteSpace(value)
                ? throw new FormatException($"{origin}: entry {index} has no {field}.")
                : value;
            if (entry.Line <= 0) throw new FormatException($"{origin}: entry {index} has no line.");
            var op = Required(entry.Operator, "operator");
            if (!MutationOperator.All.Contains(op)) throw new FormatException($"{origin}: entry {index} names unknown operator '{op}'.");
            entries.Add(new EquivalentMutant(Required(entry.Script, "script"), entry.Line, op,
                entry.Original ?? "", entry.Replacement ?? "", Required(entry.Reason, "reason")));
        }
        return new EquivalentMutants(entries);
    }

    private sealed class FileModel
    {
        public List<EntryModel>? Equivalents { get; set; }
    }

    private sealed class EntryModel
    {
        public string? Script { get; set; }

        public int Line { get; set; }

        public string? Operator { get; set; }

        public string? Original { get; set; }

        public string? Replacement { get; set; }

        public string? Reason { get; set; }
    }
}
