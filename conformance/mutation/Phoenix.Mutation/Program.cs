using Phoenix.Mutation;

// Exit codes: 0 done (and at or above --threshold), 1 below the threshold, 2 bad usage.
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(MutationOptions.Usage);
        return 0;
    }
    var options = MutationOptions.Parse(args);
    return MutationSession.Execute(options, Console.Out);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(MutationOptions.Usage);
    return 2;
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
