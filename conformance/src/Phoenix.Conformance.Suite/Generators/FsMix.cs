namespace Phoenix.Conformance.Suite.Generators;

/// <summary>
/// What a mount-table property draws (<see cref="FsGenerators"/>): step weights, whether ordinary users issue steps,
/// whether mount types come in case variants, whether mounts get generated options, and which filesystem syscalls
/// the call steps use. Each property draws what its clause is about, so a defect is reported under the clause it breaks.
/// </summary>
public sealed record FsMix(int Mount, int Unmount, int Call, bool AnyUser, bool TypeVariants, bool Options, IReadOnlyList<string> Methods)
{
    private static readonly string[] V1Methods = ["stat", "list", "open", "mkdir", "remove", "rename", "chmod", "chown"];

    /// <summary>Where calls go and what path they carry: nested, prefix-sharing, case-variant, dotted mount points.</summary>
    public static FsMix ForRouting { get; } = new(3, 2, 5, true, false, false, ["stat", "list", "open", "remove", "rename", "mkdir"]);

    public static FsMix ForMethods { get; } = new(3, 1, 8, true, false, false, V1Methods);

    public static FsMix ForMethodsV2 { get; } = ForMethods with { Methods = [.. V1Methods, "link", "mkfifo"] };

    public static FsMix ForArguments { get; } = new(2, 1, 6, true, false, false, [.. V1Methods, "link", "mkfifo"]);

    public static FsMix ForRegistry { get; } = new(5, 2, 2, true, true, false, ["stat"]);

    public static FsMix ForNew { get; } = new(5, 2, 1, true, true, true, ["stat"]);

    public static FsMix ForInfo { get; } = new(5, 3, 1, true, false, true, ["stat"]);

    public static FsMix ForUnmount { get; } = new(4, 4, 2, true, false, false, ["stat", "list"]);

    /// <summary>Phoenix's view of the same steps: everything at once.</summary>
    public static FsMix ForPhoenix { get; } = new(5, 3, 3, true, true, true, V1Methods);
}
