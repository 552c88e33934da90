namespace Phoenix.Lua.Tests.Support;

/// <summary>
/// Runs a test body on its own task and fails the test if it is still running after <see cref="Limit"/>. Budget
/// tests need this: a regression means native code that never returns, which NUnit's CancelAfter (a token) cannot
/// stop, so without it a broken budget would hang the whole run instead of failing one test.
/// </summary>
public static class Deadline
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static T Run<T>(Func<T> body)
    {
        var task = Task.Run(body);
        if (!task.Wait(Limit)) Assert.Fail($"still running after {Limit.TotalSeconds} s: the instruction budget did not stop it");
        return task.GetAwaiter().GetResult();
    }

    public static void Run(Action body) => Run(() =>
    {
        body();
        return true;
    });
}
