// Clauses: none
// Compat: PX-DRV-INIT-ERROR-STOPS-KERNEL, PX-DRV-VALIDATED-AT-BIND
// Mirrors: Phoenix 99-main (the panic when registering devices fails)

using Phoenix.ReferenceKernel.Logging;

namespace Phoenix.ReferenceKernel;

/// <summary>
/// How the reference kernel stops. Like Phoenix 0.0.9 it does not contain a driver that fails while binding (facts
/// §5.4, §10 B5): at boot the device registration panics (99-main's xpcall), after boot the error leaves the event
/// loop and the kernel stops (PX-DRV-INIT-ERROR-STOPS-KERNEL, PX-DRV-VALIDATED-AT-BIND). A stopped kernel answers
/// nothing more: every later operation throws <see cref="KernelStoppedException"/>; its syslog stays readable.
/// </summary>
public sealed partial class ReferenceKernel
{
    private string? _stoppedBecause;

    /// <summary>Why the kernel stopped, or null while it runs.</summary>
    public string? StoppedBecause => _stoppedBecause;

    private KernelStoppedException Stop(SyslogLevel level, string lastWords)
    {
        Syslog.Log(level, lastWords);
        _stoppedBecause = lastWords;
        return new KernelStoppedException($"the reference kernel stopped; it last logged: {lastWords}");
    }

    private void ThrowIfStopped(string operation)
    {
        if (_stoppedBecause is { } why) throw new KernelStoppedException($"{operation}: the reference kernel had stopped; it last logged: {why}");
    }
}
