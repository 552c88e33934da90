using System.CommandLine;
using System.Text;
using Phoenix.Conformance.Harness.Adapters;
using Phoenix.Conformance.Protocol.Adapter.Serving;

namespace Phoenix.Conformance.Cli.Commands;

/// <summary>
/// <c>serve --adapter X</c>: serves an adapter over the cross-process protocol (conformance/ADAPTER-PROTOCOL.md) on
/// this process's stdin and stdout until stdin ends or a <c>bye</c> arrives. It is how <c>run --isolation process</c>
/// puts kernels in worker processes, and how an in-process adapter can be reached as <c>exec:</c> by any client.
/// Stdout carries only protocol lines: anything else the program would print goes to stderr meanwhile.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var adapter = new Option<string>("--adapter") { Description = "Adapter to serve: reference (default), craftos:<kernel directory>, or any other name run accepts.", DefaultValueFactory = _ => AdapterRegistry.DefaultAdapter };
        var adapterPath = new Option<string[]>("--adapter-path") { Description = "A folder holding your *.Adapter.dll; repeatable. Also read from PHOENIX_ADAPTER_PATH." };
        var command = new Command("serve", "Serve an adapter over the cross-process protocol (JSON lines on stdin/stdout; conformance/ADAPTER-PROTOCOL.md).") { adapter, adapterPath };
        command.SetAction(parse =>
        {
            var served = AdapterRegistry.Create(parse.GetValue(adapter)!, [.. parse.GetValue(adapterPath) ?? [], .. context.AdapterPathsFromEnvironment()], context.Variables);
            var utf8 = new UTF8Encoding(false);
            using var input = new StreamReader(Console.OpenStandardInput(), utf8);
            using var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = false };
            // The one console redirection, at the entry point of a process whose stdout is the protocol: anything an
            // adapter prints goes to stderr instead of corrupting a protocol line.
            var stray = Console.Out;
            Console.SetOut(context.Error);
            try
            {
                new ProtocolServer(served).Serve(input, output);
            }
            finally
            {
                Console.SetOut(stray);
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
