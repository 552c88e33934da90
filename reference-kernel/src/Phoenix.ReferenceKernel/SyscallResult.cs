// Clauses: none (the value of a syscall or user program as the host sees it)
// Mirrors: no Phoenix part (Phoenix's syscalls return to a Lua caller)

using Phoenix.Values;

namespace Phoenix.ReferenceKernel;

/// <summary>
/// What a syscall (or a user program) gave back: its values, or an error. <see cref="ErrorValue"/> is the raw error
/// value, which may be a table; <see cref="ErrorText"/> its text and <see cref="ErrorFirstLine"/> its first line.
/// The adapter maps it onto the contract's <c>SyscallResult</c>.
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
