using Phoenix.Lua;
using Phoenix.Mutation.Lua;

namespace Phoenix.Mutation.Mutants;

/// <summary>
/// Every mutant of one script: each operator proposes edits on the token list (never inside a string or comment,
/// which are whole tokens or skipped), and an edit whose result Lua cannot compile is discarded, so no mutant is
/// "killed" merely by a syntax error the tool made.
/// </summary>
public static class MutantGenerator
{
    public static IReadOnlyList<Mutant> For(string script, string source)
    {
        var structure = new LuaStructure(LuaLexer.Tokenize(source));
        var edits = new List<Edit>();
        var operators = new TokenOperators(structure, source, edits);
        operators.ProposeAll();
        using var compiler = new LuaEngine();
        using var env = compiler.CreateEnvironment();
        var mutants = new List<Mutant>();
        var occurrences = new Dictionary<(int, string, string, string), int>();
        foreach (var edit in edits.OrderBy(e => e.Start).ThenBy(e => e.Operator, StringComparer.Ordinal))
        {
            var original = source.Substring(edit.Start, edit.Length);
            if (original == edit.Replacement) continue;
            var line = structure.Tokens[edit.Token].Line;
            var key = (line, edit.Operator, original, edit.Replacement);
            occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            var names = structure.EnclosingNames(edit.Token).ToArray();
            var mutant = new Mutant(script, line, edit.Operator, original, edit.Replacement, edit.Start, occurrences[key],
                Families.For(script, names), names.FirstOrDefault(), LineText(source, edit.Start));
            if (Compiles(compiler, env, mutant.Apply(source))) mutants.Add(mutant);
        }
        return mutants;
    }

    /// <summary>Every mutant of every built-in script of the reference kernel.</summary>
    public static IReadOnlyList<Mutant> ForReferenceKernel() =>
        ReferenceKernel.ReferenceKernel.BuiltInScripts.SelectMany(s => For(s.Name, s.Source)).ToArray();

    private static string LineText(string source, int offset)
    {
        var start = offset == 0 ? 0 : source.LastIndexOf('\n', offset - 1) + 1;
        var end = source.IndexOf('\n', offset);
        return source[start..(end < 0 ? source.Length : end)].Trim();
    }

    /// <summary>Whether Lua compiles <paramref name="source"/> (nothing runs).</summary>
    internal static bool Compiles(string source)
    {
        using var engine = new LuaEngine();
        using var env = engine.CreateEnvironment();
        return Compiles(engine, env, source);
    }

    private static bool Compiles(LuaEngine engine, LuaRef env, string source)
    {
        try
        {
            engine.Load(source, "=kernel", env).Dispose();
            return true;
        }
        catch (LuaScriptException)
        {
            return false;
        }
    }
}

/// <summary>A proposed edit: replace <see cref="Length"/> characters at <see cref="Start"/>; <see cref="Token"/> is the
/// token whose line and enclosing function the mutant reports.</summary>
internal readonly record struct Edit(string Operator, int Start, int Length, string Replacement, int Token);
