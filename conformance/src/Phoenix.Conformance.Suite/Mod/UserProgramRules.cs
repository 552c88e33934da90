using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Mod;

/// <summary>MOD-CALL-ARGS and MOD-SYSCALL-TABLE again, from real user programs: the handles a module gets are those of
/// the calling program, and a syscall a module added is callable by programs.</summary>
public sealed class UserProgramRules
{
    [Clause("MOD-CALL-ARGS")]
    public void ApiFunction_CalledFromUserProgram_GetsThatProgramsProcessAndThread(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-CALL-ARGS/handles.lua", "handles"));
        const string program =
            "local pid = syscall.getpid() " +
            "local pt, id, user, tt, same, tid, n = syscall.callmodule('handles', 'describe', nil, 'x') " +
            "return pt, id == pid, user, tt, same, type(tid), n";
        Check.Returns(kernel.Program("alice", program), ["table", true, "alice", "table", false, "number", 2L],
            "describe() from alice's program: process type, id == getpid, user, thread type, thread is process, type of thread.id, argument count");
    }

    // A program may call syscall(name, ...) or syscall.name(...) (ADAPTER-CONTRACT, "User programs"): the extra
    // arguments must arrive exactly through either form, a nil hole and a trailing nil included.
    [Clause("MOD-CALL-ARGS")]
    public void ExtraArgumentsWithNilHoles_FromAProgram_ArriveExactly_ThroughBothCallForms(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-CALL-ARGS/handles.lua", "handles"));
        foreach (var call in new[] { "syscall('callmodule', 'handles', 'echo', 'first', nil, 3, nil)", "syscall.callmodule('handles', 'echo', 'first', nil, 3, nil)" })
        {
            var program = $"local r = table.pack({call}) return r.n, r[1], r[2], r[3] == nil, r[4]";
            Check.Returns(kernel.Program("alice", program), [5L, 4L, "first", true, 3L],
                $"{call} from alice's program: result count, echo's argument count, then the arguments");
        }
    }

    [Clause("MOD-API")]
    public void FixtureProgram_UsingAModuleAFilesystemAndADriver_Works(RuleContext context)
    {
        var image = BootImage.Empty
            .WithModule(context, "MOD-API/echo.lua", "echo")
            .WithModule(context, "FS-TEMPLATE/memfs.lua", "memfs")
            .WithMyDriver(context)
            .WithPeripherals(Devices.MyDevice("left"))
            .WithDirectory("/home/alice/disk", owner: "alice");
        using var kernel = context.Boot(image);
        Check.Returns(kernel.Program("alice", context.Fixture("programs/tour.lua")), ["hello", "written by a program", "a.txt", 42L, "bar"],
            "fixtures/programs/tour.lua as alice: callmodule, then file I/O on a module filesystem, then devcall on the page's driver");
    }

    [Clause("MOD-SYSCALL-TABLE")]
    public void EntryAddedByModule_IsCallableFromUserProgram(RuleContext context)
    {
        using var kernel = context.Boot(BootImage.Empty.WithModule(context, "MOD-SYSCALL-TABLE/custom_syscall.lua", "custom_syscall"));
        Check.Returns(kernel.Program("alice", "return syscall('conformance_double', 21)"), [42L], "a program calling the syscall a module added");
    }
}
