using Phoenix.Values;

namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>
/// What a syscall (or a user-mode chunk) gave back: its values, or an error. For errors, <see cref="ErrorFirstLine"/>
/// is what rules compare (tracebacks differ between Lua VMs, facts §11.2) and <see cref="ErrorText"/> is kept for
/// reports. <see cref="ErrorValue"/> is the raw error value, which may be a table.
/// </summary>
public sealed record SyscallResult
{
    private SyscallResult(bool ok, IReadOnlyList<LuaValue> values, LuaValue? errorValue)
    {
        Succeeded = ok;
        Values = values;
        ErrorValue = errorValue;
    }

    public bool Succeeded { get; }

    public IReadOnlyList<LuaValue> Values { get; }

    public LuaValue? ErrorValue { get; }

    public string ErrorText => ErrorValue switch
    {
        null => "",
        LuaString s => s.Text,
        var v => v.ToString(),
    };

    public string ErrorFirstLine => ErrorText.Split('\n')[0];

    public static SyscallResult Success(IReadOnlyList<LuaValue> values) => new(true, values, null);

    public static SyscallResult Failure(LuaValue error) => new(false, [], error);

    public override string ToString() => Succeeded
        ? $"ok({string.Join(", ", Values)})"
        : $"error({ErrorFirstLine})";
}
