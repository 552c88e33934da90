using Phoenix.Conformance.Harness.Adapters;
using Phoenix.CraftOS.Adapter;

namespace Phoenix.CraftOS.Tests.Kernel;

/// <summary>craftos:&lt;dir&gt;?rom=&lt;dir&gt;&amp;trusted: options after the last '?', safe defaults, and the
/// adapter's version naming the ROM and the trusted mode, so a report says what ran.</summary>
public class AdapterSpecTests
{
    [TestCase("/k", "/k", null, false)] // no options: built-in ROM, text-only
    [TestCase("/k?trusted", "/k", null, true)]
    [TestCase("/k?rom=/r&trusted", "/k", "/r", true)]
    [TestCase("/k?", "/k", null, false)] // an empty option list is no option
    public void Parse_SplitsDirectoryAndOptions(string argument, string kernel, string? rom, bool trusted) =>
        Assert.That(AdapterSpec.Parse(argument), Is.EqualTo(new AdapterSpec(kernel, rom, trusted)));

    [Test]
    public void Parse_UnknownOption_IsRefused() =>
        Assert.That(() => AdapterSpec.Parse("/k?fast"), Throws.ArgumentException.With.Message.Contains("unknown craftos option 'fast'"));

    [Test]
    public void Version_NamesTheRomAndTrustedMode()
    {
        var plain = AdapterRegistry.Create("craftos:" + RepositoryPaths.TinyKernel);
        var trusted = AdapterRegistry.Create($"craftos:{RepositoryPaths.TinyKernel}?trusted&rom={RepositoryPaths.TinyKernel}");
        Assert.Multiple(() =>
        {
            Assert.That(plain.Version, Does.Contain("built-in clean-room ROM").And.Not.Contain("trusted"));
            Assert.That(((CraftOsAdapter)plain).Options.TrustedBinaryChunks, Is.False);
            Assert.That(trusted.Version, Does.Contain("ROM tiny sha256:").And.Contain("trusted: binary chunks allowed"));
        });
    }

    [Test]
    public void MissingRomDirectory_IsRefusedByName() =>
        Assert.That(() => AdapterRegistry.Create($"craftos:{RepositoryPaths.TinyKernel}?rom=/nonexistent/rom"),
            Throws.TypeOf<UnknownAdapterException>().With.Message.Contains("no such ROM directory"));
}
