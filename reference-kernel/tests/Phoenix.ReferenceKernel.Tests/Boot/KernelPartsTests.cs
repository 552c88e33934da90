using Phoenix.ReferenceKernel.Boot;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.Boot;

/// <summary>The declared kernel parts (KernelParts): the seam variant kernels patch. A part renamed in the glue, or a
/// misspelt part in an extra script, fails loudly instead of leaving the kernel unchanged.</summary>
public class KernelPartsTests
{
    [Test]
    public void EveryDeclaredPart_IsDefinedAfterBoot()
    {
        // An extra script sees the kernel table as variant kernels do; it answers the declared names it finds unset.
        var names = string.Join(", ", KernelParts.All.Select(n => $"\"{n}\""));
        var probe = $$"""
            local env, host, kernel = ...
            local missing = {}
            for _, name in ipairs({ {{names}} }) do
                if kernel[name] == nil then missing[#missing + 1] = name end
            end
            function env.syscalls.missingparts() return table.concat(missing, ",") end
            """;
        using var kernel = ReferenceKernel.Boot(BootImage.Empty, new KernelOptions { ExtraScripts = [new KernelScript("probe.lua", probe)] });
        Assert.That(kernel.Syscall("root", "missingparts", []).Values, Is.EqualTo(new LuaValue[] { "" }));
    }

    [Test]
    public void ExtraScript_PatchingADeclaredPart_Boots()
    {
        var patch = "local env, host, kernel = ...\nlocal store = kernel.storeModule\nfunction kernel.storeModule(...) return store(...) end\n";
        using var kernel = ReferenceKernel.Boot(BootImage.Empty, new KernelOptions { ExtraScripts = [new KernelScript("patch.lua", patch)] });
        Assert.That(kernel.Syscall("root", "listmodules", []).Succeeded, Is.True);
    }

    [Test]
    public void ExtraScript_PatchingAMisspeltPart_FailsBootNamingIt()
    {
        // "storeModules" is no part: before the check, this patch silently changed nothing and the variant kernel
        // was the reference kernel under another name.
        var patch = "local env, host, kernel = ...\nfunction kernel.storeModules() end\n";
        var error = Assert.Throws<KernelBootException>(() =>
            ReferenceKernel.Boot(BootImage.Empty, new KernelOptions { ExtraScripts = [new KernelScript("patch.lua", patch)] }).Dispose());
        Assert.That(error!.Message, Does.Contain("kernel.storeModules is not a declared kernel part"));
    }

    [Test]
    public void GlueDefiningAnUndeclaredPart_FailsBootNamingIt()
    {
        // kmod.lua with a part renamed in the glue but not in KernelParts: the boot names the stray part.
        var kmod = ReferenceKernel.BuiltInScripts.Single(s => s.Name == "kmod.lua").Source + "\nkernel.runUnloadRenamed = kernel.runUnload\n";
        var options = new KernelOptions { ScriptOverrides = new Dictionary<string, string> { ["kmod.lua"] = kmod } };
        var error = Assert.Throws<KernelBootException>(() => ReferenceKernel.Boot(BootImage.Empty, options).Dispose());
        Assert.That(error!.Message, Does.Contain("runUnloadRenamed"));
    }

    [Test]
    public void ExtraScript_ReadingAHostFunctionThatIsNotThere_FailsBootNamingIt()
    {
        var patch = "local env, host, kernel = ...\nlocal f = host.normalise\n";
        var error = Assert.Throws<KernelBootException>(() =>
            ReferenceKernel.Boot(BootImage.Empty, new KernelOptions { ExtraScripts = [new KernelScript("patch.lua", patch)] }).Dispose());
        Assert.That(error!.Message, Does.Contain("host.normalise is not a host function"));
    }
}
