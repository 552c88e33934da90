namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>Reads the kernel's syslog since boot. Rules use it to see that a module failed to load and why.</summary>
public interface IKernelSyslog
{
    IReadOnlyList<SyslogEntry> ReadSyslog();
}
