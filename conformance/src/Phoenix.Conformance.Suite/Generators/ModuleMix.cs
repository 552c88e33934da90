namespace Phoenix.Conformance.Suite.Generators;

/// <summary>
/// Which module-table scenarios a property draws: the module shapes, whether files start untrusted, whether names
/// carry dots (Phoenix's naming, facts §2.2 step 6, is COMPAT), whether ordinary users try to load and unload (who may
/// is COMPAT), and how often each kind of step comes. Each property keeps to what its clause is about, so a defect
/// is reported under the clause it breaks.
/// </summary>
public sealed record ModuleMix(
    IReadOnlyList<ModelModuleKind> Kinds, bool Untrusted, bool DottedNames, bool AnyoneLoads,
    int Load, int Unload, int Call, int Chmod, int Chown)
{
    /// <summary>Loads and calls under exact names and near misses (MOD-API, MOD-CALL-SCOPE).</summary>
    public static readonly ModuleMix ForScope = new([ModelModuleKind.Api, ModelModuleKind.ApiOnly], false, false, false, 3, 0, 6, 0, 0);

    /// <summary>Loads, unloads under exact names and near misses, calls (MOD-UNLOAD).</summary>
    public static readonly ModuleMix ForUnload = new([ModelModuleKind.Api], false, false, false, 3, 3, 3, 0, 0);

    /// <summary>Modules without unload loaded, unloaded and loaded again (MOD-UNLOAD-OPTIONAL).</summary>
    public static readonly ModuleMix ForOptional = new([ModelModuleKind.ApiOnly, ModelModuleKind.Nothing], false, false, false, 3, 3, 3, 0, 0);

    /// <summary>Owners changed by root, the owner and others; loads (MOD-OWNER).</summary>
    public static readonly ModuleMix ForOwner = new([ModelModuleKind.Api, ModelModuleKind.ApiOnly], true, false, false, 3, 1, 2, 0, 3);

    /// <summary>World write bits changed by root, the owner and others; loads (MOD-WORLD-WRITABLE).</summary>
    public static readonly ModuleMix ForWorldWrite = new([ModelModuleKind.Api, ModelModuleKind.ApiOnly], true, false, false, 3, 1, 2, 3, 0);

    /// <summary>Every module shape, untrusted files, dotted names, loads and unloads by anyone, Phoenix's way where
    /// the page is silent (PX-MOD-LISTMODULES, PX-MOD-CALLMODULE-ERRORS). No permission changes: those views do not
    /// depend on them (the trust properties have them), and kernels without chmod/chown are still certified here.</summary>
    public static readonly ModuleMix ForPhoenix = new(Enum.GetValues<ModelModuleKind>(), true, true, true, 3, 2, 2, 0, 0);
}
