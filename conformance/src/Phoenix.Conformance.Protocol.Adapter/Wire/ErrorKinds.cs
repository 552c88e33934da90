namespace Phoenix.Conformance.Protocol.Adapter.Wire;

/// <summary>The <c>error.kind</c> values of a failed response and the exception each becomes on the client.</summary>
public static class ErrorKinds
{
    /// <summary><c>KernelBootException</c>: the image cannot be booted (the rule is an error).</summary>
    public const string Boot = "boot";

    /// <summary><c>KernelStoppedException</c>: the kernel stopped (a panic, a crash); the rule fails with the message.</summary>
    public const string Stopped = "stopped";

    /// <summary><c>NotSupportedByAdapterException</c> for <c>error.operation</c>: the rule is "not supported".</summary>
    public const string Unsupported = "unsupported";

    /// <summary>The request broke the protocol (unknown operation or kernel, a malformed field).</summary>
    public const string BadRequest = "badRequest";

    /// <summary>The host failed in a way the contract does not name; <c>error.type</c> may name the host's exception.</summary>
    public const string Internal = "internal";
}
