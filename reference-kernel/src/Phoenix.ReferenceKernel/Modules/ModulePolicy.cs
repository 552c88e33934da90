// Clauses: MOD-AUTOLOAD, MOD-SUBDIR, MOD-OWNER, MOD-WORLD-WRITABLE, ADV-MOD-USER-WRITABLE, ADV-MOD-CHOWN-TO-ROOT
// Compat: PX-MOD-NAME-DERIVATION
// Mirrors: Phoenix 90-kmod (which files load, which are trusted, module names)

using Phoenix.ReferenceKernel.Vfs;

namespace Phoenix.ReferenceKernel.Modules;

/// <summary>
/// The decisions module loading makes, in one overridable place: which files boot loads, which files are trusted,
/// and how a module is named. The defaults are the page's and Phoenix 0.0.9's (facts §2.1-§2.2). Variant kernels
/// (the deliberately broken ones in the suite's self-tests) override a single decision.
/// </summary>
public class ModulePolicy
{
    public const string ModuleDirectory = "/lib/modules";

    /// <summary>Paths boot loads, in order: entries of /lib/modules sorted by plain string order, directories
    /// skipped (MOD-AUTOLOAD, MOD-SUBDIR). No extension filter: Phoenix loads README too. Null when the directory
    /// is missing.</summary>
    public virtual IReadOnlyList<string>? BootModulePaths(MemoryFileSystem fs)
    {
        var names = fs.List(ModuleDirectory);
        if (names is null) return null;
        return names
            .Select(name => ModuleDirectory + "/" + name)
            .Where(path => fs.Find(path) is { IsDirectory: false })
            .ToArray();
    }

    /// <summary>A module file must be owned by root and not world-writable (MOD-OWNER, MOD-WORLD-WRITABLE), and, beyond
    /// Phoenix, no other user may write it through a per-user entry (ADV-MOD-USER-WRITABLE): the page's reason for the
    /// checks is "to avoid kernel code injection by unprivileged users". That also closes a user's own file given to
    /// root with chown, whose former owner keeps an entry (ADV-MOD-CHOWN-TO-ROOT). The parent directory is not
    /// checked, as in Phoenix.</summary>
    public virtual bool IsTrusted(FsNode file) =>
        file.Owner == "root" && !file.WorldPermissions.Write
        && !file.Permissions.Any(entry => entry.Key != "root" && entry.Value.Write);

    /// <summary>The module name: the last path component as given, from its first non-dot character up to the next
    /// dot ("foo.lua" → "foo", ".hidden.lua" → "hidden", "README" → "README"); null when there is none.</summary>
    public virtual string? DeriveName(string path)
    {
        var name = LastComponent(path).TrimStart('.');
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0) name = name[..dot];
        return name.Length == 0 ? null : name;
    }

    /// <summary>The last component of the path as given (not normalised: "a/./b.lua/" gives ""), which is what
    /// loadmodule's name derivation reads.</summary>
    public static string LastComponent(string path)
    {
        var slash = path.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? path : path[(slash + 1)..];
    }
}
