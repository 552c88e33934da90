using Phoenix.Values;
using Phoenix.ReferenceKernel.Boot;

namespace Phoenix.ReferenceKernel.Tests.Acceptance;

/// <summary>
/// A scenario with the real compressfs module (PHOENIX_MODULES_DIR) over Phoenix 0.0.9's stock image
/// (PHOENIX_ROOTFS_IMG, for its compression libraries): mounted over a craftos folder (/root/srv on the computer's disk: the image's /srv), a user program writes a small
/// file (stored as it is) and a large one (compressed with deflateans: the image has LibDeflate.lua, not the
/// libdeflate compressfs asks for, so its default "deflate" is unavailable there as on a case-sensitive Phoenix disk),
/// and reads both back through the mount. Its write handles call
/// compressfs back through callmodule with the handle itself, so this needs tables to cross by reference.
/// </summary>
public class CompressfsScenarioTests
{
    [Test]
    public void Compressfs_OverCraftos_RoundTripsSmallAndLargeFiles()
    {
        var dir = Environment.GetEnvironmentVariable("PHOENIX_MODULES_DIR");
        var imagePath = Environment.GetEnvironmentVariable("PHOENIX_ROOTFS_IMG");
        if (string.IsNullOrEmpty(dir) || string.IsNullOrEmpty(imagePath))
        {
            Assert.Ignore("Did not run: set PHOENIX_MODULES_DIR (the real modules) and PHOENIX_ROOTFS_IMG (Phoenix's packages/rootfs.img).");
        }
        var image = TableFsImage.ReadFile(imagePath).Image
            .WithFile("/lib/modules/compressfs.lua", File.ReadAllBytes(Path.Combine(dir, "lib", "modules", "compressfs.lua")))
            .WithDirectory("/srv").WithDirectory("/mnt/z");
        using var kernel = ReferenceKernel.Boot(image);
        var mounted = kernel.Syscall("root", "mount", ["compressfs", "/root/srv", "/mnt/z", LuaTable.Record(("compressfs_basefs", "craftos"), ("compressfs_type", "deflateans"))]);
        Assert.That(mounted.Succeeded, Is.True, mounted.ErrorText);
        const string program = """
            local function write(path, text)
                local f = assert(syscall.open(path, "w"))
                f.write(text)
                f.close()
            end
            local function read(path)
                local f = assert(syscall.open(path, "rb"))
                local text = f.readAll()
                f.close()
                return text
            end
            local large = ("compressible text "):rep(200)
            write("/mnt/z/small.txt", "hello")
            write("/mnt/z/large.txt", large)
            return read("/mnt/z/small.txt"), read("/srv/small.txt"), read("/mnt/z/large.txt") == large, read("/srv/large.txt"):sub(1, 3), #read("/srv/large.txt") < #large
            """;
        var result = kernel.RunUserChunk("root", program, []);
        foreach (var entry in kernel.Syslog.Entries.Where(e => e.Module == "compressfs")) TestContext.Out.WriteLine(entry.Message.Split('\n')[0]);
        TestContext.Out.WriteLine(result.Succeeded ? string.Join(", ", result.Values) : "failed: " + result.ErrorText);
        Assert.That(result.Succeeded, Is.True, result.ErrorText);
        Assert.That(result.Values, Is.EqualTo(new LuaValue[] { "hello", "hello", true, "Cfs", true }));
    }
}
