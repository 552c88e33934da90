using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.Boot;

/// <summary>KernelOptions.ScriptOverrides, the developer option mutation testing builds mutants with: a named
/// built-in script is replaced, an unknown name stops boot instead of testing the unmodified kernel.</summary>
public class ScriptOverrideTests
{
    [Test]
    public void BuiltInScripts_AreNamedAndNotEmpty()
    {
        var names = ReferenceKernel.BuiltInScripts.Select(s => s.Name).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(names, Does.Contain("kernel.lua").And.Contain("kmod.lua").And.Contain("devices.lua"));
            Assert.That(names, Is.Unique);
            Assert.That(ReferenceKernel.BuiltInScripts.All(s => s.Source.Length > 0), Is.True);
        });
    }

    [Test]
    public void Override_ReplacesTheNamedScript()
    {
        // kmod.lua with listmodules answering a fixed list: the override, not the built-in, is what runs.
        var kmod = ReferenceKernel.BuiltInScripts.Single(s => s.Name == "kmod.lua").Source
            + "\nfunction syscalls.listmodules() return { \"overridden\" } end\n";
        var options = new KernelOptions { ScriptOverrides = new Dictionary<string, string> { ["kmod.lua"] = kmod } };
        using var kernel = ReferenceKernel.Boot(BootImage.Empty, options);
        var result = kernel.Syscall("root", "listmodules", []);
        Assert.That(result.Values[0].ToString(), Is.EqualTo(new LuaTable([LuaString.From("overridden")]).ToString()));
    }

    [Test]
    public void Override_OfAnUnknownScript_FailsBootNamingIt()
    {
        var options = new KernelOptions { ScriptOverrides = new Dictionary<string, string> { ["kmods.lua"] = "" } };
        var error = Assert.Throws<KernelBootException>(() => ReferenceKernel.Boot(BootImage.Empty, options).Dispose());
        Assert.That(error!.Message, Does.Contain("kmods.lua").And.Contain("kmod.lua"));
    }
}
