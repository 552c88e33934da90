namespace Phoenix.Conformance.Suite.Support;

/// <summary>The views of the module table a module-table property compares with the model after every step.</summary>
[Flags]
public enum ModuleViews
{
    /// <summary>callmodule(name, "who") for every module name and near misses of it, by root and ordinary users.</summary>
    Who = 1,

    /// <summary>How often each module copy's chunk ran (read through the witness module).</summary>
    Runs = 2,

    /// <summary>How often each module copy's unload ran (read through the witness module).</summary>
    Unloads = 4,

    /// <summary>listmodules, by root and by an ordinary user (COMPAT: the page has no listmodules).</summary>
    List = 8,

    /// <summary>The first line of callmodule's error where it must fail: Phoenix's messages (COMPAT).</summary>
    Errors = 16,
}
