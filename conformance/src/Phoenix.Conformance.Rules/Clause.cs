namespace Phoenix.Conformance.Rules;

/// <summary>One checkable statement of the specification.</summary>
/// <param name="Id">Stable ID, for example "MOD-AUTOLOAD" or "PX-MOD-DUPLICATE-NAME-OVERWRITES".</param>
/// <param name="Text">The clause as clauses.md words it (COMPAT: our wording of the Phoenix behaviour).</param>
/// <param name="Source">Where it comes from: a page section, or a section of phoenix-kernel-facts.md.</param>
/// <param name="Serves">ADVISORY only: the page sentence, verbatim, whose intent the clause serves.</param>
public sealed record Clause(string Id, ClauseLevel Level, Profiles Profiles, string Text, string Source, string? Serves = null)
{
    /// <summary>The family: the part before the first dash (MOD, FS, DRV), or two parts for COMPAT ("PX-MOD") and
    /// ADVISORY ("ADV-MOD") clauses.</summary>
    public string Family => Id.StartsWith("PX-", StringComparison.Ordinal) || Id.StartsWith("ADV-", StringComparison.Ordinal)
        ? string.Join('-', Id.Split('-').Take(2))
        : Id.Split('-')[0];

    public bool AppliesTo(Profile profile) => Profiles.HasFlag((Profiles)(int)profile);

    /// <summary>Link to the page section on the Phoenix website the clause comes from, or the facts note section.</summary>
    public string Link => Source.StartsWith("facts", StringComparison.Ordinal)
        ? "https://github.com/Phoenix-ComputerCraft/kernel (see phoenix-kernel-facts.md " + Source[6..] + ")"
        : "https://phoenix.madefor.cc/docs/kmod" + Source switch
        {
            PageSections.Filesystems => "#filesystems",
            PageSections.DeviceDrivers => "#device-drivers",
            _ => "",
        };
}
