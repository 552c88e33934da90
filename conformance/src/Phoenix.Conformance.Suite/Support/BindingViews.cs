namespace Phoenix.Conformance.Suite.Support;

/// <summary>What a binding property compares between the kernel and <see cref="BindingModel"/>.</summary>
[Flags]
public enum BindingViews
{
    None = 0,
    /// <summary>devinfo's types (type → driver name) of every present device, after every step.</summary>
    Bindings = 1,
    /// <summary>init calls per node and driver, after every step.</summary>
    Inits = 2,
    /// <summary>deinit calls per node and driver, after every step.</summary>
    Deinits = 4,
    /// <summary>Each call's result: its arguments echoed back where the driver is bound, an error where not.</summary>
    Results = 8,
    /// <summary>The calls side peripherals received.</summary>
    SideLogs = 16,
    /// <summary>The calls peripherals behind wired modems received, and the callRemote calls their modems forwarded.</summary>
    RemoteLogs = 32,
    /// <summary>Phoenix's device views after every step: devfind per type, devlookup per name, devmethods per device.</summary>
    Find = 64,
    Page = Bindings | Inits | Deinits | Results | SideLogs | RemoteLogs,
}
