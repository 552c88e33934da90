using System.Text;
using Phoenix.ReferenceKernel.Boot;
using Phoenix.ReferenceKernel.Vfs;
using Phoenix.Values;

namespace Phoenix.ReferenceKernel.Tests.Boot;

/// <summary>Reading tablefs images (Phoenix's image format) into boot images: our own small image
/// (fixtures/tablefs/tiny-rootfs.img) and hostile texts.</summary>
public class TableFsImageTests
{
    private static byte[] Tiny() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "tablefs", "tiny-rootfs.img"));

    private static BootEntry Entry(BootImage image, string path) => image.Entries.Single(e => e.Path == path);

    [Test]
    public void TinyImage_Read_GivesEveryNodeWithItsMetadata()
    {
        var (image, skipped) = TableFsImage.Read(Tiny());
        var notes = Entry(image, "/home/alice/notes.txt");
        Assert.Multiple(() =>
        {
            Assert.That(image.Entries.Select(e => e.Path), Is.EquivalentTo(new[] { "/home", "/home/alice", "/home/alice/notes.txt", "/lib", "/lib/modules", "/lib/modules/hello.lua" }));
            Assert.That(Entry(image, "/home").IsDirectory, Is.True, "a node with contents and no type is a directory");
            Assert.That(notes.IsDirectory, Is.False, "a node with data and no type is a file");
            Assert.That(notes.Content, Is.EqualTo(Encoding.ASCII.GetBytes("line one\nline two\n\0").Append((byte)255).ToArray()), "bytes as Lua wrote them");
            Assert.That(notes.Owner, Is.EqualTo("alice"));
            Assert.That(notes.Permissions["alice"], Is.EqualTo(new AccessBits(true, true, false)));
            Assert.That(notes.WorldPermissions, Is.EqualTo(AccessBits.None));
            Assert.That(Entry(image, "/lib/modules/hello.lua").WorldPermissions, Is.EqualTo(new AccessBits(true, false, false)));
            Assert.That(skipped, Is.EqualTo(new[] { "/tmp: type \"link\" has no place in a boot image" }));
        });
    }

    [Test]
    public void TinyImage_Booted_LoadsItsModule_AndKeepsPermissions()
    {
        using var kernel = ReferenceKernel.Boot(TableFsImage.Read(Tiny()).Image);
        Assert.Multiple(() =>
        {
            Assert.That(kernel.Syscall("alice", "callmodule", ["hello", "greet"]).Values, Is.EqualTo(new LuaValue[] { "hello alice" }));
            Assert.That(kernel.Syscall("alice", "list", ["/home/alice"]).Values, Is.EqualTo(new LuaValue[] { new LuaTable(["notes.txt"]) }));
            Assert.That(kernel.Syscall("bob", "list", ["/home/alice"]).Succeeded, Is.False, "world has no access to alice's home");
        });
    }

    [TestCase("os.exit(1)", "could not be read")]                                    // no globals: os is nil in the empty environment
    [TestCase("(function() while true do end end)()", "could not be read")]          // the instruction budget stops it
    [TestCase("\u001bLua", "could not be read")]                                     // binary chunks are never loaded
    [TestCase("42", "does not evaluate to a table")]
    [TestCase("{contents={[\"a/b\"]={data=\"x\"}}}", "invalid name \"a/b\"")]          // a name cannot hold a separator
    [TestCase("{contents={[\"..\"]={data=\"x\"}}}", "invalid name \"..\"")]            // nor climb out
    [TestCase("{contents={a={type=\"file\"}}}", "/a has no data string")]
    [TestCase("{contents={a={contents={}, permissions=1}}}", "permissions is not a table")]
    [TestCase("{owner=\"root\"}", "has no contents table")]
    public void HostileOrBrokenText_IsRefusedWithTheReason(string text, string reason)
    {
        var refused = Assert.Throws<InvalidDataException>(() => TableFsImage.Read(Encoding.UTF8.GetBytes(text), new TableFsImage.Limits { InstructionBudget = 1_000_000 }));
        Assert.That(refused!.Message, Does.Contain(reason));
    }

    [Test]
    public void DeepOrLargeImages_AreRefusedPastTheLimits()
    {
        var deep = Encoding.UTF8.GetBytes("{contents={a={contents={b={contents={c={contents={}}}}}}}}");
        var wide = Encoding.UTF8.GetBytes("{contents={a={data=''},b={data=''},c={data=''}}}");
        Assert.Multiple(() =>
        {
            Assert.That(() => TableFsImage.Read(deep, new TableFsImage.Limits { MaxDepth = 2 }), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("nests deeper than 2"));
            Assert.That(() => TableFsImage.Read(wide, new TableFsImage.Limits { MaxNodes = 2 }), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("more than 2 nodes"));
            Assert.That(() => TableFsImage.Read(wide, new TableFsImage.Limits { MaxTextBytes = 10 }), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("over the limit"));
        });
    }
}
