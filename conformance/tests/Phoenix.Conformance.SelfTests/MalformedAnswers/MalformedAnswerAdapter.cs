using Phoenix.Conformance.Abstractions.Boot;
using Phoenix.Conformance.Abstractions.Kernel;
using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Values;

namespace Phoenix.Conformance.SelfTests.MalformedAnswers;

/// <summary>
/// A decorator around a working adapter whose kernels answer every syscall and user program with malformed values
/// (<see cref="Malformation"/>), as a buggy kernel or a buggy adapter might. Errors and everything else pass through
/// unchanged. Rules must report such answers as fails with a clear message, never as errors of their own.
/// </summary>
public sealed class MalformedAnswerAdapter(IKernelAdapter inner, Malformation malformation) : IKernelAdapter
{
    public string Name => $"malformed:{malformation}";

    public string Version => inner.Version;

    public IKernel Boot(BootImage image) => new Kernel(inner.Boot(image), malformation);

    private sealed class Kernel(IKernel inner, Malformation malformation) : IKernel
    {
        public SyscallResult Syscall(string user, string name, params LuaValue[] args) => Spoil(inner.Syscall(user, name, args));

        public SyscallResult RunUserChunk(string user, string source, params LuaValue[] args) => Spoil(inner.RunUserChunk(user, source, args));

        public IReadOnlyList<SyslogEntry> ReadSyslog() => inner.ReadSyslog();

        public void Attach(PeripheralSpec peripheral) => inner.Attach(peripheral);

        public void Detach(string name) => inner.Detach(name);

        public IReadOnlyList<PeripheralCall> ReadPeripheralLog(string name) => inner.ReadPeripheralLog(name);

        public void Dispose() => inner.Dispose();

        private SyscallResult Spoil(SyscallResult result) => !result.Succeeded ? result : SyscallResult.Success(malformation switch
        {
            Malformation.NoValues => [],
            Malformation.DropLastValue => result.Values.Take(result.Values.Count - 1).ToArray(),
            _ => result.Values.Select(OtherType).ToArray(),
        });

        private static LuaValue OtherType(LuaValue value) => value switch
        {
            LuaTable t => LuaString.From(t.ToString()),
            LuaString s => new LuaInteger(s.Bytes.Length),
            LuaInteger or LuaFloat => LuaString.From(value.ToString()),
            LuaBoolean => new LuaTable(),
            _ => new LuaBoolean(false),
        };
    }
}
