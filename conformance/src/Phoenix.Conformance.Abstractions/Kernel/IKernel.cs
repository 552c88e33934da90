namespace Phoenix.Conformance.Abstractions.Kernel;

/// <summary>
/// A freshly booted kernel, made of focused parts. Implementers extend <see cref="KernelBase"/>, which answers
/// "not supported" for every operation they leave out, so operations added later do not break existing adapters.
/// Disposing shuts the kernel down.
/// </summary>
public interface IKernel : IKernelSyscalls, IKernelSyslog, IKernelUserMode, IKernelPeripherals, IDisposable;
