namespace Phoenix.Mutation.Tests;

public class OptionsTests
{
    [Test]
    public void Parse_ReadsEveryOption()
    {
        var options = MutationOptions.Parse(["--sample", "40", "--seed", "1", "--file", "kmod.lua", "--mutant", "x", "--jobs", "2",
            "--report", "a.md", "--report", "b.json", "--resume", "b.json", "--threshold", "55.5", "--list"]);
        Assert.That(options, Is.EqualTo(options with
        {
            Sample = 40, Seed = 1, Jobs = 2, Threshold = 55.5, List = true, Resume = "b.json",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(options.Files, Is.EqualTo(new[] { "kmod.lua" }));
            Assert.That(options.MutantIds, Is.EqualTo(new[] { "x" }));
            Assert.That(options.Reports, Is.EqualTo(new[] { "a.md", "b.json" }));
            Assert.That(options.Sample, Is.EqualTo(40));
            Assert.That(options.Threshold, Is.EqualTo(55.5));
        });
    }

    [TestCase("--sample", "0")]
    [TestCase("--threshold", "101")]
    [TestCase("--report", "out.txt")]
    [TestCase("--bogus", "1")]
    public void Parse_RefusesBadUsage(string option, string value)
    {
        Assert.Throws<ArgumentException>(() => MutationOptions.Parse([option, value]));
    }
}
