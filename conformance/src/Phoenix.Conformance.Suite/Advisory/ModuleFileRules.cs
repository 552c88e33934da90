using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Advisory;

/// <summary>
/// ADV-MOD-USER-WRITABLE and ADV-MOD-CHOWN-TO-ROOT serve "… otherwise, the module will fail to load to avoid kernel
/// code injection by unprivileged users." The page names two checks (owner root, not world-writable); these rules
/// try the two ways around them an unprivileged user has: a per-user write grant, and giving one's own file to root.
/// Each failure message is the attack, step by step.
/// </summary>
public sealed class ModuleFileRules
{
    private const string Manual = Modules.Directory + "/manual";

    /// <summary>What alice writes in place of the module: it answers the probe and says who wrote it.</summary>
    private const string AliceModule = "return { ping = function() return 'pong' end, author = function() return 'alice' end }";

    private static readonly Dictionary<string, AccessBits> AliceMayWrite = new(StringComparer.Ordinal)
    {
        ["root"] = AccessBits.All,
        ["alice"] = AccessBits.Parse("rw-"),
    };

    [Clause("ADV-MOD-USER-WRITABLE")]
    public void ModuleFileAliceMayWrite_AtBoot_IsNotLoaded(RuleContext context)
    {
        var image = BootImage.Empty.WithFile(Modules.Directory + "/granted.lua", context.Fixture("MOD-AUTOLOAD/autoload.lua"), permissions: AliceMayWrite);
        using var kernel = context.Boot(image);
        Check.That(!kernel.Answers("granted"),
            "attack: (1) /lib/modules/granted.lua is owned by root, world r-x, and its permissions give alice rw-; (2) alice puts her code in it; (3) the next boot loads it into the kernel",
            "granted.lua not to load at boot", "it loaded");
    }

    [Clause("ADV-MOD-USER-WRITABLE")]
    public void ModuleFileAliceRewrote_Loadmodule_DoesNotLoadHerCode(RuleContext context)
    {
        var image = BootImage.Empty.WithFile(Manual + "/granted.lua", context.Fixture("MOD-AUTOLOAD/autoload.lua"), permissions: AliceMayWrite);
        using var kernel = context.Boot(image);
        var wrote = kernel.Program("alice", WriteProgram, Manual + "/granted.lua", AliceModule);
        kernel.Syscall(Modules.Root, "loadmodule", Manual + "/granted.lua");
        AssertNotAlicesCode(kernel, "granted",
            $"attack: (1) {Manual}/granted.lua is owned by root, world r-x, alice rw-; (2) alice overwrites it with her module ({Outcome(wrote)}); (3) root calls loadmodule on it");
    }

    [Clause("ADV-MOD-CHOWN-TO-ROOT")]
    public void FileAliceWroteGaveToRootAndRewrote_Loadmodule_DoesNotLoadHerCode(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithDirectory("/home/alice", owner: "alice"));
        const string path = "/home/alice/gift.lua";
        var first = kernel.Program("alice", WriteProgram, path, "return { ping = function() return 'pong' end }");
        var chown = kernel.Program("alice", "return syscall.chown(...)", path, "root");
        var second = kernel.Program("alice", WriteProgram, path, AliceModule);
        kernel.Syscall(Modules.Root, "loadmodule", path);
        AssertNotAlicesCode(kernel, "gift",
            $"attack: (1) alice writes {path} ({Outcome(first)}); (2) she chowns it to root ({Outcome(chown)}); (3) she writes her module into it again ({Outcome(second)}); (4) root calls loadmodule on it");
    }

    /// <summary>As the calling user: open the path for writing, write the text, close.</summary>
    private const string WriteProgram =
        "local path, text = ... local f = syscall.open(path, 'w') f.write(text) f.close() return true";

    private static void AssertNotAlicesCode(IKernel kernel, string module, string attack)
    {
        var author = kernel.CallModule(Modules.Root, module, "author");
        Check.That(!(author.Succeeded && author.Values.Count > 0 && author.Values[0] == "alice"), attack,
            "alice's code not to run in the kernel", $"callmodule(\"{module}\", \"author\") answered {author}: her code is kernel code");
    }

    private static string Outcome(SyscallResult result) => result.Succeeded ? "it worked" : $"refused: {result.ErrorFirstLine}";
}
