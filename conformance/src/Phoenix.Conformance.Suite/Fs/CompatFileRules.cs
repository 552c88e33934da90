using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Harness;
using Phoenix.Conformance.Harness.Assertions;
using Phoenix.Conformance.Harness.Running;
using Phoenix.Conformance.Suite.Support;

namespace Phoenix.Conformance.Suite.Fs;

/// <summary>
/// COMPAT: files on the root filesystem as a user program sees them through open, list, mkdir, rename and remove
/// (facts §4.5; the handles are ComputerCraft's, which Phoenix's root filesystem hands out). Every other rule
/// looks at files through stat or a module's own mount; these write files and read them back, so a kernel whose
/// handles lose, reorder or cut data fails here. Each program returns one transcript line per step, compared whole.
/// </summary>
public sealed class CompatFileRules
{
    private const string Home = "/home/alice";

    /// <summary>show(v): a value as the transcript prints it (strings quoted, newlines as \n, nil as nil).</summary>
    private const string Prelude =
        "local log = {} " +
        "local function show(v) if type(v) == 'string' then return '\"' .. v:gsub('\\n', '\\\\n') .. '\"' end return tostring(v) end " +
        "local function note(name, ...) local parts = table.pack(...) for i = 1, parts.n do parts[i] = show(parts[i]) end " +
        "  log[#log + 1] = name .. ' = ' .. table.concat(parts, ', ', 1, parts.n) end ";

    private const string WriteThenRead = Prelude +
        "local path = ... " +
        "local w = assert(syscall.open(path, 'w')) w.write('ab') w.write(12) w.writeLine('cd') w.writeLine('ef') w.write('gh') w.close() " +
        "local r = assert(syscall.open(path, 'r')) " +
        "note('read(2)', r.read(2)) note('read()', r.read()) note('readLine()', r.readLine()) " +
        "note('readLine(true)', r.readLine(true)) note('read()', r.read()) note('read(5) with one left', r.read(5)) " +
        "note('readLine() at the end', r.readLine()) " +
        "note('read() at the end', r.read()) r.close() " +
        "local a = assert(syscall.open(path, 'a')) a.writeLine('ij') a.close() " +
        "r = assert(syscall.open(path, 'r')) note('readAll() after append', r.readAll()) note('readLine() after readAll()', r.readLine()) r.close() " +
        "w = assert(syscall.open(path, 'w')) w.write('xyz') w.write('\\nq') w.close() " +
        "r = assert(syscall.open(path, 'r')) note('readLine() after rewrite', r.readLine()) note('readLine() with one left', r.readLine()) " +
        "note('readLine() again', r.readLine()) r.close() " +
        "return table.concat(log, '; ')";

    private static readonly string[] WriteThenReadExpected =
    [
        "read(2) = \"ab\"", "read() = \"1\"", "readLine() = \"2cd\"", "readLine(true) = \"ef\\n\"", "read() = \"g\"",
        "read(5) with one left = \"h\"", "readLine() at the end = nil", "read() at the end = nil",
        "readAll() after append = \"ab12cd\\nef\\nghij\\n\"", "readLine() after readAll() = nil",
        "readLine() after rewrite = \"xyz\"", "readLine() with one left = \"q\"", "readLine() again = nil",
    ];

    [Clause("PX-FS-FILE-HANDLES")]
    public void FileWrittenThroughAHandle_ReadsBackThroughAnother(RuleContext context)
    {
        using var kernel = Boot(context);
        Expect(kernel.Program("alice", WriteThenRead, Home + "/notes.txt"), WriteThenReadExpected, "alice writes, appends to and rewrites /home/alice/notes.txt, reading it back each time");
    }

    private const string WriteOneValue = Prelude +
        "local path = ... " +
        "local w = assert(syscall.open(path, 'w')) w.write('a', 'b') w.write(7, 8) w.writeLine('c', 'd') w.close() " +
        "local r = assert(syscall.open(path, 'r')) note('readAll()', r.readAll()) r.close() " +
        "return table.concat(log, '; ')";

    [Clause("PX-FS-FILE-HANDLES")]
    public void WriteAndWriteLine_TakeOneValue_AsText(RuleContext context)
    {
        // Phoenix's file handles write their first argument only (ComputerCraft's handles on its root filesystem, and
        // 05-filesystem's own text handles): further arguments are ignored; numbers are written as text.
        using var kernel = Boot(context);
        Expect(kernel.Program("alice", WriteOneValue, Home + "/values.txt"), ["readAll() = \"a7c\\n\""],
            "alice writes 'a', 'b' then 7, 8 then writeLine('c', 'd') to /home/alice/values.txt and reads it back");
    }

    private const string Directories = Prelude +
        "local home = ... " +
        "assert(syscall.mkdir(home .. '/d') == nil) " +
        "for _, name in ipairs({ 'b', 'c', 'a' }) do local h = assert(syscall.open(home .. '/d/' .. name, 'w')) h.write(name) h.close() end " +
        "note('list(d)', table.unpack(syscall.list(home .. '/d'))) " +
        "note('stat(d).type', syscall.stat(home .. '/d').type) " +
        "syscall.rename(home .. '/d/b', home .. '/d/e') " +
        "note('list(d) after rename b to e', table.unpack(syscall.list(home .. '/d'))) " +
        "local r = assert(syscall.open(home .. '/d/e', 'r')) note('e holds', r.readAll()) r.close() " +
        "syscall.remove(home .. '/d/a') " +
        "note('list(d) after remove a', table.unpack(syscall.list(home .. '/d'))) " +
        "note('stat(d/a) after remove', (syscall.stat(home .. '/d/a'))) " +
        "note('open(d/a, r) after remove', (syscall.open(home .. '/d/a', 'r'))) " +
        "return table.concat(log, '; ')";

    private static readonly string[] DirectoriesExpected =
    [
        "list(d) = \"a\", \"b\", \"c\"", "stat(d).type = \"directory\"", "list(d) after rename b to e = \"a\", \"c\", \"e\"",
        "e holds = \"b\"", "list(d) after remove a = \"c\", \"e\"", "stat(d/a) after remove = nil", "open(d/a, r) after remove = nil",
    ];

    [Clause("PX-FS-FILE-HANDLES")]
    public void MkdirRenameRemove_ShowInListAndContents(RuleContext context)
    {
        using var kernel = Boot(context);
        Expect(kernel.Program("alice", Directories, Home), DirectoriesExpected, "alice makes /home/alice/d with files b, c, a, renames b to e and removes a");
    }

    private const string Refusals = Prelude +
        "local home = ... " +
        "local h, err = syscall.open(home .. '/missing.txt', 'r') note('open(missing, r) is nil, message', h, type(err)) " +
        "h, err = syscall.open('/home/alice/notes.txt', 'w') note('open(alice\\'s notes, w) by bob is nil, message', h, type(err)) " +
        "h = assert(syscall.open('/home/alice/notes.txt', 'r')) note('alice\\'s notes read by bob', h.readAll()) h.close() " +
        "return table.concat(log, '; ')";

    [Clause("PX-FS-FILE-HANDLES")]
    public void OpenThatCannotBeServed_ReturnsNilAndAMessage(RuleContext context)
    {
        using var kernel = Boot(context);
        Expect(kernel.Program("bob", Refusals, Home),
            ["open(missing, r) is nil, message = nil, \"string\"", "open(alice's notes, w) by bob is nil, message = nil, \"string\"", "alice's notes read by bob = \"hello\""],
            "bob opens a missing file, and alice's world-readable notes for writing and for reading");
    }

    private static IKernel Boot(RuleContext context) =>
        context.Boot(BootImage.Empty.WithDirectory(Home, "alice", "r-x").WithFile(Home + "/notes.txt", "hello", "alice", "r--"));

    private static void Expect(SyscallResult result, string[] expected, string @case)
    {
        var transcript = Check.Is<global::Phoenix.Values.LuaString>(Check.Succeeds(result, @case, atLeast: 1)[0], @case).Text;
        var steps = transcript.Split("; ");
        for (var i = 0; i < expected.Length; i++)
        {
            var actual = i < steps.Length ? steps[i] : "(no such step)";
            Check.That(actual == expected[i], $"{@case}, step {i + 1}", expected[i], actual);
        }
    }
}
