namespace Phoenix.Conformance.ModuleCheck;

/// <summary>
/// One thing the checker found in a module. <paramref name="File"/> is the module's file as the user named it;
/// <paramref name="Path"/> is where in kernel state (<c>.eventHooks.chat[1]</c>, <c>.syscalls.foo</c>) or how the
/// module was reached (<c>callmodule("m", "f") argument 2</c>).
/// </summary>
public sealed record ModuleFinding(string CheckId, string File, int? Line, string Path, string Message)
{
    public ModuleCheckKind Kind => ModuleChecks.Get(CheckId);

    public override string ToString() =>
        $"{File}{(Line is { } line ? ":" + line : "")}: {CheckId}: {Message}";
}
