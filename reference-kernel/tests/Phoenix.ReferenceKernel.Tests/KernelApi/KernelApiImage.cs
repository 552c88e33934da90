using Phoenix.ReferenceKernel.Boot;
using Phoenix.ReferenceKernel.Logging;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.KernelApi;

/// <summary>Boot images made of the look-alike modules of fixtures/kernel-api (ours), and calls into them.</summary>
internal static class KernelApiImage
{
    public static string Fixture(string path) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "kernel-api", path));

    /// <summary>The module (as /lib/modules/&lt;name&gt;.lua) and every library of fixtures/kernel-api/lib under /lib.</summary>
    public static BootImage With(params string[] modules)
    {
        var image = BootImage.Empty;
        foreach (var module in modules) image = image.WithFile($"/lib/modules/{module}.lua", Fixture(module + ".lua"));
        foreach (var library in new[] { "codec", "helper", "sibling", "fileenv" })
        {
            image = image.WithFile($"/lib/kapi/{library}.lua", Fixture($"lib/kapi/{library}.lua"));
        }
        return image;
    }

    public static IReadOnlyList<LuaValue> Call(ReferenceKernel kernel, string user, string module, string function, params LuaValue[] args)
    {
        var result = kernel.Syscall(user, "callmodule", [module, function, .. args]);
        Assert.That(result.Succeeded, Is.True, $"callmodule {module}.{function}: {result.ErrorText}");
        return result.Values;
    }

    public static LuaValue Field(LuaValue table, LuaValue key) => table is LuaTable t ? t[key] : LuaValue.Nil;

    public static void AssertLoaded(ReferenceKernel kernel, string module)
    {
        var list = kernel.Syscall("root", "listmodules", []).Values;
        Assert.That(list is [LuaTable names, ..] && names.Array.Contains(LuaString.From(module)), Is.True,
            $"{module} did not load: " + string.Join("\n", kernel.Syslog.Entries.Where(e => e.Level >= SyslogLevel.Error).Select(e => e.Message)));
    }
}
