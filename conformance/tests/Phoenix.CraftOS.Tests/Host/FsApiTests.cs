using Phoenix.Values;

namespace Phoenix.CraftOS.Tests.Host;

/// <summary>fs with ComputerCraft's semantics, seen from Lua (the path rules themselves: Phoenix.ComputerCraft.Tests).</summary>
public class FsApiTests
{
    [Test]
    public void FileHandles_WriteReadSeekAndAppend()
    {
        using var run = new KernelRun("""
            local w = fs.open("/d/f.txt", "w")
            w.writeLine("one") w.write("two") w.write(3) w.close()
            local r = fs.open("d/f.txt", "r")
            local line, rest = r.readLine(), r.readAll()
            r.seek("set", 1)
            local two = r.read(2)
            r.seek("end")
            local eof = r.readLine()
            r.close()
            local a = fs.open("d/f.txt", "a") a.write("!") a.close()
            local b = fs.open("d/f.txt", "rb")
            local byte = b.read()
            b.close()
            report(line, rest, two, eof, fs.getSize("d/f.txt"), byte, fs.combine("/a", "b", "c"), pcall(r.read))
            """);
        Assert.That(run.Values, Is.EqualTo(new LuaValue[] { "one", "two3", "ne", LuaValue.Nil, 9L, 111L, "a/b/c", false, "attempt to use a closed file" }));
        Assert.That(run.Computer.OpenFiles, Is.Zero);
    }

    [Test]
    public void ErrorsAndMetadata_AreCcs()
    {
        using var run = new KernelRun("""
            local _, missing = fs.open("nope", "r")
            local _, rom = fs.open("rom/x", "w")
            fs.makeDir("a/b")
            local f = fs.open("a/b/c", "w") f.write("xy") f.close()
            fs.copy("a", "z")
            fs.move("z/b/c", "z/c")
            local listA = fs.list("a")
            local attr = fs.attributes("a/b/c")
            local okList, listErr = pcall(fs.list, "nope")
            fs.delete("a/b")
            report(missing, rom, fs.isReadOnly("rom/apis/keys.lua"), fs.exists("z/c"), fs.exists("z/b/c"), listA,
                attr.size, attr.isDir, okList, listErr, fs.exists("a/b"), fs.isDir("a"), fs.getFreeSpace("/") > 0,
                fs.getName("a/b.lua"), fs.getDir("a/b.lua"))
            """);
        var v = run.Values;
        Assert.Multiple(() =>
        {
            Assert.That(v[0], Is.EqualTo((LuaValue)"/nope: No such file"));
            Assert.That(v[1], Is.EqualTo((LuaValue)"/rom/x: Access denied"));
            Assert.That(v[2], Is.EqualTo((LuaValue)true));
            Assert.That(v[3], Is.EqualTo((LuaValue)true));
            Assert.That(v[4], Is.EqualTo((LuaValue)false));
            Assert.That(v[5], Is.EqualTo((LuaValue)new LuaTable(["b"])));
            Assert.That(v[6], Is.EqualTo((LuaValue)2L));
            Assert.That(v[7], Is.EqualTo((LuaValue)false));
            Assert.That(v[8], Is.EqualTo((LuaValue)false));
            Assert.That(((LuaString)v[9]).Text, Does.EndWith("/nope: Not a directory"));
            Assert.That(v[10], Is.EqualTo((LuaValue)false));
            Assert.That(v[11], Is.EqualTo((LuaValue)true));
            Assert.That(v[12], Is.EqualTo((LuaValue)true));
            Assert.That(v[13], Is.EqualTo((LuaValue)"b.lua"));
            Assert.That(v[14], Is.EqualTo((LuaValue)"a"));
        });
    }
}
