// Clauses: none
// Compat: PX-MOD-SYSLOG
// Mirrors: Phoenix 20-syslog (its levels; Scripting/kernel.lua passes them as numbers)

namespace Phoenix.ReferenceKernel.Logging;

/// <summary>Phoenix syslog levels (facts §8): debug 0 … panic 6. The kernel's own; the adapter maps them onto the
/// contract's <c>SyslogLevel</c> by value.</summary>
public enum SyslogLevel
{
    Debug = 0,
    Info = 1,
    Notice = 2,
    Warning = 3,
    Error = 4,
    Critical = 5,
    Panic = 6,
}
