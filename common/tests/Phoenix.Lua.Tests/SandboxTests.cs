using Phoenix.Values;
using Phoenix.Lua.Tests.Support;

namespace Phoenix.Lua.Tests;

/// <summary>
/// What an environment from <see cref="LuaEngine.CreateEnvironment()"/> offers (the allow-list in Sandbox/README.md)
/// and what it keeps out. Module and user code run in these environments; anything that reaches the host (files,
/// processes, the real globals, the shared string metatable) would let one module break the kernel or another module.
/// </summary>
public class SandboxTests
{
    /// <summary>Every name that must be absent, as a Lua expression evaluated inside a fresh environment.</summary>
    private static IEnumerable<TestCaseData> ForbiddenNames()
    {
        yield return Forbidden("io"); // host files: modules reach files only through Phoenix syscalls
        yield return Forbidden("os.execute"); // runs host commands
        yield return Forbidden("os.remove"); // deletes host files
        yield return Forbidden("os.rename"); // moves host files
        yield return Forbidden("os.exit"); // would end the kernel process
        yield return Forbidden("os.getenv"); // leaks the host environment
        yield return Forbidden("os.tmpname"); // creates a host file
        yield return Forbidden("os.setlocale"); // process-wide: would change number formatting for every environment
        yield return Forbidden("package"); // package.loadlib loads native shared libraries
        yield return Forbidden("require"); // its C searchers load native libraries; module loading is the kernel's job
        yield return Forbidden("dofile"); // reads host files as code, bypassing the kernel's filesystem
        yield return Forbidden("loadfile"); // same
        yield return Forbidden("debug.sethook"); // would replace the engine's budget hook
        yield return Forbidden("debug.gethook"); // exposes the engine's hook
        yield return Forbidden("debug.getregistry"); // holds the real globals and the engine internals
        yield return Forbidden("debug.getupvalue"); // would open the env.load closure and reach the real load
        yield return Forbidden("debug.setupvalue"); // would rebind a closure's upvalues, _ENV included
        yield return Forbidden("debug.upvaluejoin"); // same
        yield return Forbidden("debug.getlocal"); // reads other functions' locals
        yield return Forbidden("debug.setlocal"); // writes them
        yield return Forbidden("debug.getmetatable"); // ignores __metatable: would hand out the real string metatable
        yield return Forbidden("debug.setmetatable"); // would replace the shared metatables of strings, numbers, functions
        yield return Forbidden("string.dump"); // makes binary chunks, which nothing may load anyway
        yield return Forbidden("(\"\").dump"); // the method form reads the string metatable's own copy, which must lack it too
        yield return Forbidden("print"); // writes to the host's stdout; the kernel provides its own output
        yield return Forbidden("warn"); // writes to the host's stderr
    }

    [TestCaseSource(nameof(ForbiddenNames))]
    public void FreshEnvironment_ForbiddenName_IsNil(string expression)
    {
        using var host = new EngineHost();

        var results = host.Run($"return {expression} == nil");

        Assert.That(results, Is.EqualTo(new LuaValue[] { true }), $"{expression} is reachable in the sandbox");
    }

    [Test]
    public void FreshEnvironment_Globals_AreExactlyTheDocumentedAllowList()
    {
        // Pinned name by name so that adding a global is a deliberate change, made together with Sandbox/README.md.
        using var host = new EngineHost();

        var names = host.Run(KeysOf("_G"));

        Assert.That(names[0], Is.EqualTo((LuaValue)string.Join(" ",
            "_G", "_VERSION", "assert", "collectgarbage", "coroutine", "debug", "error", "getmetatable", "ipairs",
            "load", "math", "next", "os", "pairs", "pcall", "rawequal", "rawget", "rawlen", "rawset", "select",
            "setmetatable", "string", "table", "tonumber", "tostring", "type", "utf8", "xpcall")));
    }

    [TestCase("os", "clock date difftime time")] // only the clock and calendar functions
    [TestCase("debug", "traceback")] // traceback only: every other debug function reaches past the sandbox
    [TestCase("string", "byte char find format gmatch gsub len lower match pack packsize rep reverse sub unpack upper")] // all but dump
    [TestCase("table", "concat insert move pack remove sort unpack")] // the full table library
    [TestCase("coroutine", "close create isyieldable resume running status wrap yield")] // the full coroutine library
    [TestCase("utf8", "char charpattern codepoint codes len offset")] // the full utf8 library
    public void FreshEnvironment_Library_HasExactlyTheDocumentedFunctions(string library, string expected)
    {
        using var host = new EngineHost();

        Assert.That(host.Run(KeysOf(library))[0], Is.EqualTo((LuaValue)expected));
    }

    [TestCase("stop")] // would switch the collector off for the whole state, shared by every environment
    [TestCase("incremental")] // tuning changes pauses for everyone
    [TestCase("generational")] // same
    [TestCase("isrunning")] // harmless, but not on the list; the list is the contract
    public void CollectGarbage_OptionOutsideTheList_RaisesError(string option)
    {
        using var host = new EngineHost();

        var results = host.Run($"return pcall(collectgarbage, '{option}')");

        Assert.That(results[0], Is.EqualTo((LuaValue)false));
        Assert.That(((LuaString)results[1]).Text, Does.Contain($"collectgarbage option '{option}' is not available"));
    }

    [Test]
    public void Load_BinaryChunk_IsRefusedWithMessage()
    {
        // Binary chunks can be crafted to break the VM's memory safety; only text is loaded.
        using var host = new EngineHost();

        var results = host.Run("return load('\\27Lua\\84\\0')");

        Assert.That(results[0], Is.EqualTo(LuaValue.Nil));
        Assert.That(((LuaString)results[1]).Text, Does.Contain("attempt to load a binary chunk"));
    }

    [Test]
    public void Load_BinaryChunkWithModeB_IsStillRefused()
    {
        // The mode argument is ignored, not obeyed: asking for "b" must not open the binary path.
        using var host = new EngineHost();

        var results = host.Run("return load('\\27Lua\\84\\0', 'x', 'b')");

        Assert.That(results[0], Is.EqualTo(LuaValue.Nil));
        Assert.That(((LuaString)results[1]).Text, Does.Contain("binary"));
    }

    [Test]
    public void Load_BinaryChunkFromReaderFunction_IsRefused()
    {
        // load also takes a reader function; the binary check must apply to pieces, not only to strings.
        using var host = new EngineHost();

        var results = host.Run("local parts = {'\\27', 'Lua'} local i = 0 " +
            "return load(function() i = i + 1 return parts[i] end)");

        Assert.That(results[0], Is.EqualTo(LuaValue.Nil));
        Assert.That(((LuaString)results[1]).Text, Does.Contain("binary"));
    }

    [Test]
    public void Load_WithoutEnvArgument_GivesChunkTheSameSandboxEnvironment()
    {
        // Plain load(s) in real Lua binds the chunk to the real globals, which here would hand out io and os.execute.
        using var host = new EngineHost();

        var results = host.Run("local f = load('marker = 42 return _ENV, io') local env, io_ = f() " +
            "return rawequal(env, _ENV), io_ == nil, marker");

        Assert.That(results, Is.EqualTo(new LuaValue[] { true, true, 42L }));
    }

    [Test]
    public void Load_WithExplicitEnv_UsesThatTable()
    {
        // The four-argument form still works, so modules can build their own small environments.
        using var host = new EngineHost();

        var results = host.Run("local own = { x = 7 } return load('return x, string', 'c', 't', own)()");

        Assert.That(results, Is.EqualTo(new LuaValue[] { 7L, LuaValue.Nil }));
    }

    [Test]
    public void Load_WithExplicitNilEnv_GivesNoGlobalsAtAll()
    {
        // An explicit nil is honoured, not replaced by the sandbox: the chunk has no environment to read from.
        using var host = new EngineHost();

        var results = host.Run("return pcall(load('return string', 'c', 't', nil))");

        Assert.That(results[0], Is.EqualTo((LuaValue)false));
        Assert.That(((LuaString)results[1]).Text, Does.Contain("attempt to index a nil value"));
    }

    [Test]
    public void GlobalG_InEnvironment_IsTheEnvironmentItself()
    {
        using var host = new EngineHost();
        using var g = host.Engine.GetFieldRef(host.Env, "_G")!;

        Assert.That(host.Engine.SameObject(g, host.Env), Is.True);
        Assert.That(host.Run("return rawequal(_G, _ENV)"), Is.EqualTo(new LuaValue[] { true }));
    }

    [Test]
    public void GlobalAssignment_InOneEnvironment_IsInvisibleInAnother()
    {
        using var host = new EngineHost();
        using var other = host.Engine.CreateEnvironment();

        host.Run("shared = 'from first'");

        Assert.That(host.Run(other, "return shared"), Is.EqualTo(new LuaValue[] { LuaValue.Nil }));
    }

    [Test]
    public void LibraryFunction_ReplacedInOneEnvironment_IsUnchangedInAnother()
    {
        // Each environment has its own copies of the library tables; a module patching table.insert must not change
        // what the kernel or another module calls.
        using var host = new EngineHost();
        using var other = host.Engine.CreateEnvironment();

        host.Run("string.upper = function() return 'hacked' end table.insert = nil math.pi = 3");

        Assert.That(host.Run(other, "return string.upper('x'), table.insert ~= nil, math.pi > 3.14"),
            Is.EqualTo(new LuaValue[] { "X", true, true }));
    }

    [Test]
    public void StringUpper_ReplacedInEnvironment_DoesNotChangeMethodCallsAnywhere()
    {
        // ("x"):upper() goes through the string metatable, shared by the whole state. Its __index is a private copy,
        // so replacing string.upper in any environment (even the one doing the call) leaves the method form alone.
        using var host = new EngineHost();
        using var other = host.Engine.CreateEnvironment();

        host.Run("string.upper = function() return 'hacked' end");

        Assert.That(host.Run("return ('x'):upper(), string.upper('x')"), Is.EqualTo(new LuaValue[] { "X", "hacked" }));
        Assert.That(host.Run(other, "return ('x'):upper()"), Is.EqualTo(new LuaValue[] { "X" }));
    }

    [Test]
    public void GetMetatable_OfString_DoesNotHandOutTheRealMetatable()
    {
        // With the real metatable a module could set __index and redefine every string method state-wide.
        using var host = new EngineHost();

        var results = host.Run("local mt = getmetatable('') return type(mt), mt, pcall(setmetatable, 'x', {})");

        Assert.That(results[0], Is.EqualTo((LuaValue)"boolean"));
        Assert.That(results[1], Is.EqualTo((LuaValue)false));
        Assert.That(results[2], Is.EqualTo((LuaValue)false));
    }

    [Test]
    public void LibraryTables_OfTwoEnvironments_AreDistinctObjects()
    {
        // The isolation above rests on this: copies, not shared references.
        using var host = new EngineHost();
        using var other = host.Engine.CreateEnvironment();
        foreach (var library in new[] { "string", "table", "math", "utf8", "coroutine", "os", "debug" })
        {
            using var mine = host.Engine.GetFieldRef(host.Env, library)!;
            using var theirs = host.Engine.GetFieldRef(other, library)!;
            Assert.That(host.Engine.SameObject(mine, theirs), Is.False, library);
        }
    }

    [Test]
    public void OsDate_WithFractionalTime_Works()
    {
        // Phoenix passes fractional times; native os.date rejects them ("number has no integer representation").
        using var host = new EngineHost();

        Assert.That(host.Run("return os.date('!%Y-%m-%d', 86400.75)"), Is.EqualTo(new LuaValue[] { "1970-01-02" }));
    }

    private static TestCaseData Forbidden(string expression) => new TestCaseData(expression).SetArgDisplayNames(expression);

    private static string KeysOf(string table) =>
        $"local names = {{}} for k in pairs({table}) do names[#names + 1] = k end table.sort(names) " +
        "return table.concat(names, ' ')";
}
