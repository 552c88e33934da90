using System.Text;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;
using static Phoenix.ReferenceKernel.Tests.KernelApi.KernelApiImage;

namespace Phoenix.ReferenceKernel.Tests.KernelApi;

/// <summary>The filesystem table, loadfile, dofile, require and package of Scripting/api-filesystem.lua
/// (reference-kernel/KERNEL-API.md), through fixtures/kernel-api/toolbox.lua and execloader.lua.</summary>
public class FilesystemApiTests
{
    private static ReferenceKernel BootToolbox(Func<BootImage, BootImage>? extra = null)
    {
        var image = With("toolbox").WithDirectory("/home/alice", owner: "alice").WithFile("/home/alice/readme.txt", "hello", owner: "alice").WithDirectory("/etc", world: "r-x");
        var kernel = ReferenceKernel.Boot(extra is null ? image : extra(image));
        AssertLoaded(kernel, "toolbox");
        return kernel;
    }

    [Test]
    public void ReadHandle_Text_ReadsLinesCharactersAndTheRest()
    {
        using var kernel = BootToolbox();
        var reads = Call(kernel, "alice", "toolbox", "readHandle", "ab\ncdef", false)[0];
        // readLine, read(2), readAll, readAll at the end (nil, shown as false), then a read after close.
        Assert.That(reads, Is.EqualTo(new LuaTable(["ab", "cd", "ef", false, "attempt to use a closed file"])));
    }

    [Test]
    public void ReadHandle_Binary_ReadsBytesAsNumbers_AndSeeks()
    {
        using var kernel = BootToolbox();
        var reads = Call(kernel, "alice", "toolbox", "readHandle", "ab\ncdef", true)[0];
        Assert.That(reads, Is.EqualTo(new LuaTable(["ab", "cd", "ef", false, 97, "attempt to use a closed file"])));
    }

    [Test]
    public void WriteHandle_Text_HandsBufferedTextToTheWriter()
    {
        using var kernel = BootToolbox();
        var calls = Call(kernel, "alice", "toolbox", "writeHandle", false)[0];
        Assert.That(calls, Is.EqualTo(new LuaTable([new LuaTable(["abc\n", false]), new LuaTable(["42", false]), "attempt to use a closed file"])));
    }

    [Test]
    public void WriteHandle_Binary_SendsAppendsThenTheWholeFileAfterASeek()
    {
        using var kernel = BootToolbox();
        var calls = Call(kernel, "alice", "toolbox", "writeHandle", true)[0];
        Assert.That(calls, Is.EqualTo(new LuaTable([new LuaTable(["abc\n", false]), new LuaTable(["Xbc\nd", true]), "attempt to use a closed file"])));
    }

    [Test]
    public void CraftosFilesystem_MountsAFolderOfTheDisk_WhereTheSystemIsUnderRoot()
    {
        using var kernel = BootToolbox(image => image.WithFile("/srv/hello.txt", "hi").WithDirectory("/mnt/c"));
        Assert.That(kernel.Syscall("root", "mount", ["craftos", "/root/srv", "/mnt/c"]).Succeeded, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(Call(kernel, "alice", "toolbox", "readAsKernel", "/mnt/c/hello.txt"), Is.EqualTo(new LuaValue[] { "hi", "root" }));
            Assert.That(Call(kernel, "root", "toolbox", "writeAs", "/mnt/c/new.txt", "made")[0], Is.EqualTo((LuaValue)true));
            Assert.That(Call(kernel, "alice", "toolbox", "readAsKernel", "/srv/new.txt")[0], Is.EqualTo((LuaValue)"made"), "the same disk");
            Assert.That(Call(kernel, "alice", "toolbox", "writeAs", "/mnt/c/alice.txt", "x")[0], Is.EqualTo((LuaValue)false), "the disk's permissions apply");
            var mounts = kernel.Syscall("root", "mountlist", []).Values[0] as LuaTable;
            Assert.That(mounts!.Array.OfType<LuaTable>().Any(m => m[(LuaValue)"type"].Equals((LuaValue)"craftos") && m[(LuaValue)"source"].Equals((LuaValue)"/root/srv")), Is.True);
            Assert.That(kernel.Syscall("root", "mount", ["craftos", "/root/srv/hello.txt", "/mnt/c", LuaTable.Record(("overlay", true))]).ErrorText, Does.Contain("Could not mount /root/srv/hello.txt: No such directory"));
            // Phoenix's craftos messages for a file that is not there to read and for a directory.
            Assert.That(kernel.RunUserChunk("root", "local _, a = syscall.open('/mnt/c/missing.txt', 'r') local _, b = syscall.open('/mnt/c/missing.txt', 'rb') syscall.mkdir('/mnt/c/dir') local _, c = syscall.open('/mnt/c/dir', 'w') return a, b, c", []).Values,
                Is.EqualTo(new LuaValue[] { "File not found", "File not found", "Is a directory" }));
            // The system sits under /root on the computer's disk, as Phoenix's default root argument puts it.
            Assert.That(kernel.Syscall("root", "mount", ["craftos", "/srv", "/mnt/c", LuaTable.Record(("overlay", true))]).ErrorText, Does.Contain("Could not mount /srv: No such directory"));
            Assert.That(kernel.Syscall("root", "mount", ["craftos", "/root/srv", "/mnt/c", LuaTable.Record(("overlay", true), ("ro", "yes"))]).ErrorText, Does.Contain("bad field \"ro\" (expected boolean or nil, got string)"));
            // ComputerCraft's handles: binary writes take numbers as bytes, binary reads give a byte and seek.
            Assert.That(Call(kernel, "root", "toolbox", "bytes", "/mnt/c/bytes.bin"), Is.EqualTo(new LuaValue[] { 65, "ABC" }));
        });
    }

    /// <summary>fixtures/kernel-api/wrapfs.lua, a wrapping filesystem in the manner of compressfs: mounted over a
    /// craftos folder by its default base class, files go through its handles to the base with its tag.</summary>
    [Test]
    public void WrappingFilesystem_OverCraftos_WritesThroughToTheDisk()
    {
        using var kernel = ReferenceKernel.Boot(With("wrapfs").WithDirectory("/srv").WithDirectory("/mnt/w"));
        AssertLoaded(kernel, "wrapfs");
        Assert.That(kernel.Syscall("root", "mount", ["wrapfs", "/root/srv", "/mnt/w"]).ErrorText, Is.Null.Or.Empty);
        var result = kernel.RunUserChunk("root", """
            local f = assert(syscall.open("/mnt/w/a.txt", "w")) f.write("hello") f.close()
            local g = assert(syscall.open("/mnt/w/a.txt", "r")) local through = g.readAll() g.close()
            local h = assert(syscall.open("/srv/a.txt", "r")) local raw = h.readAll() h.close()
            return through, raw, table.concat(syscall.list("/mnt/w"), ",")
            """, []);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { "hello", "W:hello", "a.txt" }), result.ErrorText);
        Assert.That(kernel.Syscall("root", "mount", ["wrapfs", "/root/srv", "/mnt/w", LuaTable.Record(("overlay", true), ("wrapfs_basefs", "nofs"))]).ErrorText,
            Does.Contain("Unknown base filesystem type 'nofs'"));
    }

    /// <summary>filesystem.mkdir, rename, link, mkfifo, chmod, chown, list, stat, remove, mount, mountlist and unmount
    /// run the kernel's own calls as the given process (wrapfs's tour and mountTour).</summary>
    [Test]
    public void FilesystemCalls_RunAsTheGivenProcess()
    {
        using var kernel = ReferenceKernel.Boot(With("wrapfs").WithDirectory("/srv").WithDirectory("/mnt/w").WithDirectory("/tmp").WithDirectory("/home/alice", owner: "alice"));
        AssertLoaded(kernel, "wrapfs");
        var root = Call(kernel, "root", "wrapfs", "tour", "/tmp")[0];
        Assert.Multiple(() =>
        {
            // The built-in tmpfs has neither links nor FIFOs; the calls reach it and say so.
            Assert.That(Field(root, "linked"), Is.EqualTo((LuaValue)"Filesystem does not support links"));
            Assert.That(Field(root, "fifo"), Is.EqualTo((LuaValue)"Filesystem does not support FIFOs"));
            Assert.That(Field(root, "listed"), Is.EqualTo((LuaValue)"b.txt"));
            Assert.That(Field(root, "world"), Is.EqualTo((LuaValue)false));
            Assert.That(Field(root, "chown"), Is.EqualTo((LuaValue)true));
            Assert.That(Field(root, "owner"), Is.EqualTo((LuaValue)"bob"));
            Assert.That(Field(root, "removed"), Is.EqualTo((LuaValue)true));
            Assert.That(kernel.Syscall("alice", "callmodule", ["wrapfs", "tour", "/srv"]).ErrorText, Does.Contain("Permission denied"), "as alice");
            Assert.That(Field(Call(kernel, "alice", "wrapfs", "tour", "/home/alice")[0], "removed"), Is.EqualTo((LuaValue)true));
            Assert.That(Call(kernel, "root", "wrapfs", "mountTour", "/root/srv", "/mnt/w"), Is.EqualTo(new LuaValue[] { true, "wrapfs", 0 }));
            Assert.That(Call(kernel, "alice", "wrapfs", "mountTour", "/root/srv", "/mnt/w")[0], Is.EqualTo((LuaValue)false));
            Assert.That(Call(kernel, "root", "wrapfs", "levels"), Is.EqualTo(new LuaValue[] { true }));
            Assert.That(kernel.Syslog.Entries.Where(e => e.Module == "wrapfs").Select(e => e.Message),
                Is.EqualTo(new[] { "wrapfs is now loaded", "notice", "warning", "error", "critical", "panic" }));
        });
    }

    /// <summary>A handle the kernel made comes back through callmodule as itself (Phoenix passes tables by reference;
    /// compressfs keys state by it), but not once its holder gave it a metatable of their own or changed the kernel's
    /// (ADV-USER-FOREIGN-METAMETHODS still holds: such a table arrives as a plain copy).</summary>
    [Test]
    public void KernelMadeHandle_ThroughCallmodule_KeepsItsIdentity_UntilTamperedWith()
    {
        using var kernel = BootToolbox();
        const string program = """
            local h = syscall.callmodule("toolbox", "makeHandle")
            local same = syscall.callmodule("toolbox", "isKept", h)
            local h2 = syscall.callmodule("toolbox", "makeHandle")
            getmetatable(h2).__index = function() return "mine" end
            local changed = syscall.callmodule("toolbox", "isKept", h2)
            local h3 = syscall.callmodule("toolbox", "makeHandle")
            setmetatable(h3, { __name = "file", __index = function() return "mine" end })
            local replaced = syscall.callmodule("toolbox", "isKept", h3)
            local h4 = syscall.callmodule("toolbox", "makeHandle")
            h4.extra = setmetatable({}, { __index = function() return "mine" end })
            return same, changed, replaced, syscall.callmodule("toolbox", "isKept", h4)
            """;
        var result = kernel.RunUserChunk("alice", program, []);
        Assert.That(result.Succeeded, Is.True, result.ErrorText);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { true, false, false, false }));
    }

    [Test]
    public void FifoHandle_WritesThenReadsTheSharedData()
    {
        using var kernel = BootToolbox();
        Assert.That(Call(kernel, "alice", "toolbox", "fifo"), Is.EqualTo(new LuaValue[] { "one", "two", false, 65, true, "Invalid mode", true }));
    }

    [Test]
    public void FilesystemOpen_AsTheCaller_KeepsTheCallersPermissions()
    {
        using var kernel = BootToolbox();
        Assert.Multiple(() =>
        {
            Assert.That(Call(kernel, "alice", "toolbox", "writeAs", "/home/alice/note", "mine")[0], Is.EqualTo((LuaValue)true));
            Assert.That(Call(kernel, "alice", "toolbox", "writeAs", "/etc/passwd", "x")[0], Is.EqualTo((LuaValue)false));
            Assert.That(Call(kernel, "root", "toolbox", "writeAs", "/etc/motd", "hi")[0], Is.EqualTo((LuaValue)true));
            Assert.That(Call(kernel, "alice", "toolbox", "readAsKernel", "/home/alice/note"), Is.EqualTo(new LuaValue[] { "mine", "alice" }));
        });
    }

    [Test]
    public void FilesystemListAndCombine_WorkLikeTheSyscalls()
    {
        using var kernel = BootToolbox();
        Assert.Multiple(() =>
        {
            Assert.That(Call(kernel, "alice", "toolbox", "list", "/home/alice")[0], Is.EqualTo(new LuaTable(["readme.txt"])));
            Assert.That(Call(kernel, "alice", "toolbox", "combine", "/a/b", "../c", "d")[0], Is.EqualTo((LuaValue)"/a/c/d"));
        });
    }

    [Test]
    public void Require_FindsOnPackagePath_ThenBesideTheFile_AndCaches()
    {
        using var kernel = BootToolbox();
        var first = Call(kernel, "root", "toolbox", "require", "kapi.helper");
        var second = Call(kernel, "root", "toolbox", "require", "kapi.helper");
        Assert.Multiple(() =>
        {
            Assert.That(first.Take(6), Is.EqualTo(new LuaValue[] { true, "helper", "sibling", "kapi.helper", true, 1 }));
            Assert.That(first[6], Is.EqualTo((LuaValue)"/lib/?.lua;/lib/?/init.lua;/usr/lib/?.lua;/usr/lib/?/init.lua"));
            Assert.That(second[5], Is.EqualTo((LuaValue)1), "the chunk ran once");
        });
    }

    [Test]
    public void Require_AMissingModule_ListsWhereItLooked()
    {
        using var kernel = BootToolbox();
        var message = Call(kernel, "root", "toolbox", "requireError", "kapi.nothere")[0].ToString();
        Assert.That(message, Does.Contain("module 'kapi.nothere' not found:").And.Contain("package.preload['kapi.nothere']: No such field")
            .And.Contain("/lib/kapi/nothere.lua").And.Contain("/usr/lib/kapi/nothere/init.lua"));
    }

    [Test]
    public void Require_AWorldWritableFile_IsRefusedAsInsecure()
    {
        using var kernel = BootToolbox(image => image.WithFile("/lib/kapi/unsafe.lua", Fixture("lib/kapi/unsafe.lua"), world: "rwx"));
        Assert.That(Call(kernel, "root", "toolbox", "requireError", "kapi.unsafe")[0].ToString(), Does.Contain("/lib/kapi/unsafe.lua: Insecure file permissions"));
    }

    [Test]
    public void Require_ABinaryChunk_IsRefused()
    {
        using var kernel = BootToolbox(image => image.WithFile("/lib/kapi/binary.lua", [0x1B, (byte)'L', (byte)'u', (byte)'a', 0x54, 0x00]));
        Assert.That(Call(kernel, "root", "toolbox", "requireError", "kapi.binary")[0].ToString(), Does.Contain("attempt to load a binary chunk"));
    }

    /// <summary>An ar archive in GNU form: a "//" long-name table for names over 15 characters, members padded to even
    /// offsets.</summary>
    private static byte[] Archive(params (string Name, string Text)[] members)
    {
        var longNames = new StringBuilder();
        var body = new List<byte>();
        void Member(string header, byte[] data)
        {
            body.AddRange(Encoding.ASCII.GetBytes(header.PadRight(16) + "0".PadRight(12) + "0".PadRight(6) + "0".PadRight(6) + "644".PadRight(8) + data.Length.ToString().PadRight(10) + "`\n"));
            body.AddRange(data);
            if (data.Length % 2 == 1) body.Add((byte)'\n');
        }
        var headers = members.Select(m =>
        {
            if (m.Name.Length < 16) return m.Name + "/";
            var offset = longNames.Length;
            longNames.Append(m.Name).Append("/\n");
            return "/" + offset;
        }).ToArray();
        if (longNames.Length > 0) Member("//", Encoding.ASCII.GetBytes(longNames.ToString()));
        for (var i = 0; i < members.Length; i++) Member(headers[i], Encoding.UTF8.GetBytes(members[i].Text));
        return [.. "!<arch>\n"u8, .. body];
    }

    [Test]
    public void Require_FindsMembersOfLibraryArchives_OnPackageLibpath()
    {
        var archive = Archive(("init.lua", "return { name = 'init' }"),
            ("a_rather_long_member_name.lua", "return { name = 'long', helper = require('shared').name }"),
            ("shared.lua", "return { name = 'shared' }"));
        using var kernel = BootToolbox(image => image.WithFile("/usr/lib/libkapiar.a", archive));
        Assert.Multiple(() =>
        {
            Assert.That(Call(kernel, "root", "toolbox", "requireMember", "kapiar"), Is.EqualTo(new LuaValue[] { true, "init", LuaValue.Nil }));
            Assert.That(Call(kernel, "root", "toolbox", "requireMember", "kapiar.a_rather_long_member_name"), Is.EqualTo(new LuaValue[] { true, "long", "shared" }));
            Assert.That(Call(kernel, "root", "toolbox", "requireMember", "kapiar-shared"), Is.EqualTo(new LuaValue[] { true, "shared", LuaValue.Nil }));
            Assert.That(Call(kernel, "root", "toolbox", "requireError", "kapiar.missing")[0].ToString(), Does.Contain("/usr/lib/libkapiar.a:missing.lua: File not found"));
        });
    }

    [Test]
    public void Require_ANonArchive_OnPackageLibpath_SaysSo()
    {
        using var kernel = BootToolbox(image => image.WithFile("/lib/libkapibad.a", "not an archive"));
        Assert.That(Call(kernel, "root", "toolbox", "requireError", "kapibad.x")[0].ToString(), Does.Contain("/lib/libkapibad.a: Not an ar archive"));
    }

    [Test]
    public void Loadfile_UsesTheGivenEnvironment()
    {
        using var kernel = BootToolbox();
        Assert.That(Call(kernel, "root", "toolbox", "loadfile", "/lib/kapi/fileenv.lua")[0], Is.EqualTo((LuaValue)7));
    }

    [Test]
    public void ExecLoader_ChecksItsHelper_DofilesIt_AndRegistersALoader()
    {
        using var kernel = ReferenceKernel.Boot(With("execloader"));
        AssertLoaded(kernel, "execloader");
        var encoded = Call(kernel, "root", "execloader", "encode", "return 6 * 7")[0];
        Assert.Multiple(() =>
        {
            Assert.That(Call(kernel, "root", "execloader", "run", encoded)[0], Is.EqualTo((LuaValue)42));
            Assert.That(Call(kernel, "root", "execloader", "run", "return 1")[0], Is.EqualTo(LuaValue.Nil));
            Assert.That(kernel.Syslog.Entries.Any(e => e.Module == "execloader" && e.Message == "Registered KAPI files as executable"), Is.True);
            Assert.That(kernel.Syscall("root", "unloadmodule", ["execloader"]).Succeeded, Is.True);
        });
    }

    [Test]
    public void ExecLoader_WithAWorldWritableHelper_RefusesToLoad()
    {
        using var kernel = ReferenceKernel.Boot(With("execloader").WithFile("/lib/kapi/codec.lua", Fixture("lib/kapi/codec.lua"), world: "rw-"));
        Assert.That(kernel.Syslog.Entries.Any(e => e.Message.Contains("Unsafe permissions on /lib/kapi/codec.lua")), Is.True);
    }

    [Test]
    public void Bit32_ReducesModulo2To32_AsComputerCraftsDoes()
    {
        using var kernel = ReferenceKernel.Boot(With("execloader"));
        var values = Call(kernel, "root", "execloader", "checksum", "ab");
        // sum = ((0 <<< 5) ~ 97) <<< 5 ~ 98 = 3104 ~ 98 = 3138; its low byte 0x42; 0x80000000 >> 31 = 1; bnot(0) = 2^32-1.
        Assert.That(values, Is.EqualTo(new LuaValue[] { 3138, 0x42, 1, 4294967295L }));
    }
}
