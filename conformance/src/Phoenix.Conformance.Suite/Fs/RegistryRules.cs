using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Values;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>FS-REGISTER, FS-NEW, FS-NEW-RESULT, FS-UNREGISTER: the <c>filesystems</c> table and how mount builds a
/// mount object from a class.</summary>
public sealed class RegistryRules
{
    [Clause("FS-REGISTER")]
    public void ClassStoredInFilesystems_IsMountableByItsName(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "recfs", "disk", RecordingFs.MountPoint), "mount(\"recfs\", …) after the module stored filesystems.recfs");
        Check.Returns(kernel.Syscall(Modules.Root, "list", RecordingFs.MountPoint), [new LuaTable(["recorded"])], "list of the new mount");
    }

    [Clause("FS-REGISTER")]
    public void TypeNobodyStored_IsNotMountable(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        Check.Fails(kernel.Syscall(Modules.Root, "mount", "conformance_nofs", "x", RecordingFs.MountPoint), "mount of a type no module stored");
    }

    [Clause("FS-NEW")]
    public void Mount_CallsNewAsMethodOfTheClass_WithProcessSourceAndOptions(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        var options = LuaTable.Record(("ro", true), ("label", "conformance"));
        Check.Succeeds(kernel.Syscall("root", "mount", "recfs", "disk-source", RecordingFs.MountPoint, options), "mount with options");
        var calls = kernel.Calls("new");
        Check.That(calls.Count == 1, "calls of new during one mount", "exactly 1", calls.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var call = calls[0];
        Check.Equal(true, call.SelfIsClass, "new's self is the class table (a ':' call)");
        Check.Equal("root", call.User, "new's process is the caller's");
        Check.That(call.Args.Count >= 2, "new's arguments after the process", "source and options", string.Join(", ", call.Args));
        Check.Equal("disk-source", call.Args[0], "new's source argument");
        Check.Equal(options, call.Args[1], "new's options argument");
    }

    [Clause("FS-NEW")]
    public void MountWithoutOptions_PassesAnOptionsTable(RuleContext context)
    {
        // The page: new gets "the options table"; Phoenix passes {} when mount had none (facts §4.2).
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        Check.Succeeds(kernel.Syscall("root", "mount", "recfs", "disk", RecordingFs.MountPoint), "mount without options");
        var call = kernel.SingleCall("new", "new calls");
        Check.Equal("table", call.OptionsType, "type of new's options argument when mount had none");
    }

    [Clause("FS-NEW-RESULT")]
    public void NewReturningIndexObject_Works(RuleContext context)
    {
        using var kernel = RecordingFs.BootWithMount(context);
        Check.Returns(kernel.Syscall("alice", "list", RecordingFs.MountPoint + "/sub"), [new LuaTable(["recorded"])], "list through a setmetatable({}, {__index = class}) object");
        Check.That(kernel.Calls("list").Any(c => c.SelfIsMount), "list's self", "the object new returned", "another table");
    }

    [Clause("FS-NEW-RESULT")]
    public void NewReturningPrebuiltTable_Works(RuleContext context)
    {
        var image = BootImage.Empty.WithModule(context, "FS-NEW-RESULT/prebuiltfs.lua", "prebuiltfs").WithDirectory("/media/disk");
        using var kernel = context.Boot(image);
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "prebuiltfs", "p", "/media/disk"), "mount(\"prebuiltfs\", …)");
        Check.Returns(kernel.Syscall("alice", "list", "/media/disk"), [new LuaTable(["prebuilt"])], "list through a pre-built table of methods");
    }

    [Clause("FS-UNREGISTER")]
    public void TypeRemovedByUnload_IsNoLongerMountable(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithRecfs(context));
        Check.Succeeds(kernel.Syscall(Modules.Root, "mount", "recfs", "a", RecordingFs.MountPoint), "mount before unloadmodule");
        Check.Succeeds(kernel.Syscall(Modules.Root, "unloadmodule", "recfs"), "unloadmodule(\"recfs\"), whose unload removes filesystems.recfs");
        Check.Fails(kernel.Syscall(Modules.Root, "mount", "recfs", "b", "/media/other"), "mount(\"recfs\", …) after unload");
    }
}
