using Phoenix.ComputerCraft.Paths;

namespace Phoenix.ComputerCraft.Tests.Paths;

/// <summary>
/// ComputerCraft's path rules, the one implementation both kernel hosts use: CC:Tweaked's documented
/// <c>fs.combine</c> and <c>FileSystem.sanitizePath</c> behaviour (facts §4.4). The reference kernel normalises every
/// path with <see cref="CcPath.Normalize"/> (wildcards kept, as Phoenix's fs.combine calls do); the CraftOS host's file
/// operations use <see cref="CcPath.Sanitize(string)"/> (wildcards dropped).
/// </summary>
public class CcPathTests
{
    [TestCase(new[] { "a", "b" }, "a/b")]
    [TestCase(new[] { "/a/", "/b/", "c" }, "a/b/c")] // leading and trailing slashes of each part go
    [TestCase(new[] { "a", "..", "b" }, "b")] // ".." pops the part before it
    [TestCase(new[] { "", ".." }, "..")] // and survives at the front: the caller refuses it
    [TestCase(new[] { "a\\b", "./c" }, "a/b/c")] // backslashes are slashes, "." vanishes
    [TestCase(new[] { "a", "...", "b" }, "a/b")] // three or more dots are "." in CC:T, not ".."
    [TestCase(new[] { "a/....", "b" }, "a/b")]
    [TestCase(new[] { " a ", " b" }, "a/b")] // parts are trimmed
    [TestCase(new[] { "x:y*z" }, "xy*z")] // combine allows wildcards
    public void Combine_FollowsCc(string[] parts, string expected) => Assert.That(CcPath.Combine(parts), Is.EqualTo(expected));

    [TestCase(".", "")] // "." alone is the root
    [TestCase("..", "..")] // above the root: kept, so the caller can refuse it
    [TestCase("../..", "../..")] // leading ".." parts all survive
    [TestCase("a/../..", "..")] // one pops "a", the next survives
    [TestCase("...", "")] // three dots are "."
    [TestCase("a/...b", "a/...b")] // but dots with other characters are a name
    [TestCase("a//b", "a/b")] // empty parts vanish
    [TestCase("///", "")]
    [TestCase("a/b/", "a/b")] // trailing slashes go
    [TestCase("a/b//", "a/b")]
    [TestCase("  a  /  b  ", "a/b")] // whitespace around each part goes
    [TestCase("a b/c", "a b/c")] // whitespace inside a part stays
    [TestCase("a\tb", "ab")] // control characters are dropped
    [TestCase("x:y*z", "xy*z")] // ':' is dropped, '*' kept (fs.combine)
    [TestCase("a\"<>?|b", "ab")] // every forbidden character is dropped
    public void Normalize_FollowsCcCombine(string path, string expected) => Assert.That(CcPath.Normalize(path), Is.EqualTo(expected));

    [TestCase("x:y*z", "xyz")] // file operations drop wildcards
    [TestCase("a/*/b", "a/b")] // a part of only '*' becomes empty and vanishes
    [TestCase("a/.../..", "")]
    public void Sanitize_DropsWildcards(string path, string expected) => Assert.That(CcPath.Sanitize(path), Is.EqualTo(expected));

    [Test]
    public void LongParts_AreCutTo255Characters()
    {
        var cut = CcPath.Normalize(new string('x', 300) + "/y");
        Assert.That(cut, Is.EqualTo(new string('x', 255) + "/y"));
    }

    [Test]
    public void Components_OfTheRoot_AreNone_AndOtherwiseTheNormalisedParts()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CcPath.Components("/"), Is.Empty);
            Assert.That(CcPath.Components("/a/./b//c/.."), Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [Test]
    public void GetNameAndGetDir_OfRoot_AreCcs()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CcPath.GetName(""), Is.EqualTo("root"));
            Assert.That(CcPath.GetDir(""), Is.EqualTo(".."));
            Assert.That(CcPath.GetDir("/a/b/c"), Is.EqualTo("a/b"));
        });
    }
}
