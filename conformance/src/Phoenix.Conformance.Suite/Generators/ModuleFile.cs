using Phoenix.Conformance.Abstractions.Boot;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>A module file's metadata: owner, world permissions and an optional per-user entry.</summary>
public sealed record ModuleFile(string Owner, string World, string? Grantee, string Grant)
{
    /// <summary>What the page says: root-owned and not world-writable.</summary>
    public bool Trusted => Owner == "root" && !AccessBits.Parse(World).Write;

    /// <summary>A user other than root may write it through a per-user entry. The page's letter (MOD-AUTOLOAD) loads
    /// such a trusted file, its intent refuses it (ADV-MOD-USER-WRITABLE), so MUST rules leave it open.</summary>
    public bool WritableByAUser => Permissions.Any(p => p.Key != "root" && p.Value.Write);

    public IReadOnlyDictionary<string, AccessBits> Permissions
    {
        get
        {
            var permissions = new Dictionary<string, AccessBits> { [Owner] = AccessBits.All };
            if (Grantee is not null) permissions[Grantee] = AccessBits.Parse(Grant);
            return permissions;
        }
    }

    public override string ToString() =>
        $"owner={Owner}, world={World}" + (Grantee is null ? "" : $", {Grantee}={Grant}");
}
