using System.Reflection;

namespace Phoenix.Common;

/// <summary>Reads a resource embedded in an assembly, failing loudly when it is missing. Compiled into each project
/// that embeds resources (a linked file, see Directory.Build.props), so that no project depends on another for it.
/// </summary>
internal static class EmbeddedResource
{
    public static byte[] Bytes(Assembly assembly, string name)
    {
        using var stream = Open(assembly, name);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static string Text(Assembly assembly, string name)
    {
        using var stream = Open(assembly, name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Stream Open(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Missing embedded resource {name} in {assembly.GetName().Name}.");
}
