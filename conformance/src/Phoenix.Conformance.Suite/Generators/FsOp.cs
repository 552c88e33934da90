using Phoenix.Values;

namespace Phoenix.Conformance.Suite.Generators;

/// <summary>
/// One step of a mount-table scenario, issued by <see cref="User"/>: mount(<see cref="Type"/>, <see cref="Source"/>,
/// <see cref="Path"/>, <see cref="Options"/>), unmount(<see cref="Path"/>), or the filesystem syscall
/// <see cref="Method"/> on <see cref="Path"/> (and <see cref="Path2"/> for rename) with <see cref="Extra"/> after the
/// path(s).
/// </summary>
public sealed record FsOp(FsOpKind Kind, string User, string Path, string Type = "", string Source = "", LuaValue? Options = null,
    string Method = "", string Path2 = "", IReadOnlyList<LuaValue>? Extra = null)
{
    public IReadOnlyList<LuaValue> ExtraArgs => Extra ?? [];

    /// <summary>The syscall's user arguments.</summary>
    public LuaValue[] SyscallArgs => Kind switch
    {
        FsOpKind.Mount => Options is null ? [Type, Source, Path] : [Type, Source, Path, Options],
        FsOpKind.Unmount => [Path],
        _ => Method == "rename" ? [Path, Path2, .. ExtraArgs] : [Path, .. ExtraArgs],
    };

    public string SyscallName => Kind switch { FsOpKind.Mount => "mount", FsOpKind.Unmount => "unmount", _ => Method };

    public override string ToString() =>
        $"{User}: {SyscallName}({string.Join(", ", SyscallArgs.Select(a => a.ToString()))})";
}
