using System.Diagnostics;
using Phoenix.Common;

namespace Phoenix.Conformance.Protocol.Tests.Kit;

/// <summary>The protocol implementations the kit certifies: the .NET one (serve over the reference kernel) and the
/// Lua host, each as the command an <c>exec:</c> adapter would run.</summary>
public static class Hosts
{
    public static readonly string[] Names = ["serve-reference", "lua-pebble"];

    public static string Command(string name) => name switch
    {
        "serve-reference" => $"dotnet \"{Path.Combine(AppContext.BaseDirectory, "phoenix-conformance.dll")}\" serve --adapter reference",
        "lua-pebble" => $"lua5.4 \"{Path.Combine(RepositoryRoot.Find(), "conformance", "protocol-hosts", "lua", "host.lua")}\"",
        _ => throw new ArgumentException(name, nameof(name)),
    };

    public static ProcessStartInfo Start(string name)
    {
        if (name == "lua-pebble" && !File.Exists("/usr/bin/lua5.4"))
        {
            Assert.Fail("lua5.4 is missing; install it: apt-get install -y lua5.4");
        }
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Command(name));
        return start;
    }
}
