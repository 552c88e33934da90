using Phoenix.Values;
using Phoenix.CraftOS.Rom;

namespace Phoenix.CraftOS.Tests.Rom;

/// <summary>/rom holds the built-in files, read-only, or a user's ROM folder instead of them.</summary>
public class RomImageTests
{
    [Test]
    public void BuiltIn_HoldsTheFilesKernelsReadAtBoot_ReadOnly()
    {
        using var run = new Host.KernelRun("""
            report(fs.exists("rom/modules/main/cc/expect.lua"), fs.exists("rom/apis/textutils.lua"), fs.exists("rom/apis/keys.lua"),
                fs.isReadOnly("rom/apis/textutils.lua"), fs.isDir("rom/modules/main/cc"))
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { true, true, true, true, true }));
        Assert.That(RomImage.BuiltInFiles().Keys, Is.EquivalentTo(new[] { "apis/keys.lua", "apis/textutils.lua", "modules/main/cc/expect.lua" }));
    }

    [Test]
    public void UserRomDirectory_ReplacesTheBuiltInOne()
    {
        var dir = Directory.CreateTempSubdirectory("phoenix-rom-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "apis"));
            File.WriteAllText(Path.Combine(dir, "apis", "textutils.lua"), "-- mine");
            using var run = new Host.KernelRun("""
                local f = fs.open("rom/apis/textutils.lua", "r")
                report(f.readAll(), fs.exists("rom/apis/keys.lua"), fs.isReadOnly("rom/apis/textutils.lua"))
                f.close()
                """, new ComputerOptions { RomDirectory = dir });
            Assert.That(run.Values, Is.EqualTo(new LuaValue[] { "-- mine", false, true }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
