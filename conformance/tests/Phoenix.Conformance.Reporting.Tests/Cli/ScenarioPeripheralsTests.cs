using Phoenix.Conformance.Abstractions.Peripherals;
using Phoenix.Conformance.Cli;
using Phoenix.Conformance.Reporting.Compare;
using Phoenix.Values;

namespace Phoenix.Conformance.Reporting.Tests.Cli;

/// <summary>A scenario's <c>peripherals:</c>: read into the contract's peripheral specs (YAML's types kept), attached
/// at boot on both kernels, and the calls they receive compared.</summary>
public sealed class ScenarioPeripheralsTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory().FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var file = Path.Combine(_folder, name);
        File.WriteAllText(file, text);
        return file;
    }

    private const string Driver = """
        registerDriver({ name = "lamp_driver", type = "lamp", properties = {}, methods = {
            shine = function(self, process, level) return self.internalState.peripheral.call(self.id, "setLevel", level) end,
            info = function(self) return self.internalState.peripheral.call(self.id, "getInfo") end,
        } })
        """;

    private const string Peripherals = """
        peripherals:
          - name: left
            type: lamp
            methods:
              setLevel: echo
              getInfo: [{colour: "red", watts: 40}, 1.5, "2", null, true]
          - name: lamp_0
            modem: back
            type: [lamp, light]
            methods:
              setLevel: {fails: "Burnt out"}
              getInfo: {returns: 7}
          - name: top
            kind: wireless modem
        """;

    [Test]
    public void Peripherals_AreReadWithYamlTypes_IntoTheContractsSpecs()
    {
        var scenario = Scenario.Read(Write("s.yaml", Peripherals + "\nsteps:\n  - {user: root, program: return 1}\n"));
        var byName = scenario.Image.Peripherals.ToDictionary(p => p.Name);
        Assert.That(byName.Keys, Is.EquivalentTo(new[] { "left", "lamp_0", "top" }));
        Assert.That(byName["left"].Methods["setLevel"].Kind, Is.EqualTo(PeripheralMethodKind.Echo));
        Assert.That(byName["left"].Methods["getInfo"].Values, Is.EqualTo(new LuaValue[]
        {
            LuaTable.Record(("colour", "red"), ("watts", 40)), 1.5, "2", LuaValue.Nil, true,
        }));
        Assert.That(byName["lamp_0"].ModemSide, Is.EqualTo("back"));
        Assert.That(byName["lamp_0"].Types, Is.EqualTo(new[] { "lamp", "light" }));
        Assert.That(byName["lamp_0"].Methods["setLevel"], Is.EqualTo(PeripheralMethod.Fails("Burnt out")));
        Assert.That(byName["lamp_0"].Methods["getInfo"].Values, Is.EqualTo(new LuaValue[] { 7 }));
        Assert.That(byName["top"].Kind, Is.EqualTo(PeripheralKind.WirelessModem));
    }

    [Test]
    public void WrittenBack_ThePeripheralsReadTheSame()
    {
        var scenario = Scenario.Read(Write("s.yaml", Peripherals + "\nsteps:\n  - {user: root, program: return 1}\n"));
        var again = Scenario.Read(Write("again.yaml", scenario.ToYaml(scenario.Steps, _folder)));
        Assert.That(again.Image.Peripherals.Select(p => p.ToString()), Is.EqualTo(scenario.Image.Peripherals.Select(p => p.ToString())));
        foreach (var p in scenario.Image.Peripherals)
        {
            var q = again.Image.Peripherals.Single(x => x.Name == p.Name);
            Assert.That(q.Methods.Keys, Is.EquivalentTo(p.Methods.Keys));
            foreach (var (name, method) in p.Methods)
            {
                Assert.That(q.Methods[name].Kind, Is.EqualTo(method.Kind));
                Assert.That(q.Methods[name].Values, Is.EqualTo(method.Values));
                Assert.That(q.Methods[name].ErrorMessage, Is.EqualTo(method.ErrorMessage));
            }
        }
    }

    [Test]
    public void DriversBindToTheScenariosPeripherals_AndTheirCallsAreCompared()
    {
        Write("lamp.lua", Driver);
        var file = Write("s.yaml", "modules: [lamp.lua]\n" + Peripherals + "\n" + """
            steps:
              - user: alice
                program: return syscall.devcall("/left", "shine", 3)
              - user: alice
                program: return syscall.devcall("lamp_0", "info")
              - user: alice
                program: return pcall(syscall.devcall, "lamp_0", "shine", 1)
            """);
        var run = ScenarioRun.Run(Harness.Adapters.AdapterRegistry.Create("reference"), Scenario.Read(file));
        var seen = run.ToDictionary(o => o.Key, o => o.Value);
        Assert.That(seen["step 1"], Is.EqualTo("ok(3)"));
        Assert.That(seen["step 2"], Is.EqualTo("ok(7)"));
        Assert.That(seen["step 3"], Does.StartWith("ok(false, ").And.Contain("Burnt out"));
        Assert.That(seen["peripheral left"], Is.EqualTo("setLevel(3)"));
        Assert.That(seen["peripheral back"], Is.EqualTo("callRemote(\"lamp_0\", \"getInfo\"); callRemote(\"lamp_0\", \"setLevel\", 1)"));
        var (exit, output, _) = CliRun.Real("compare", "--adapter", "reference", "--adapter", "reference", "--scenario", file);
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
    }

    [Test]
    public void AttachAndDetachSteps_BindLater_AndTakeTheDeviceAway()
    {
        Write("lamp.lua", Driver);
        var file = Write("s.yaml", """
            modules: [lamp.lua]
            steps:
              - attach: {name: right, type: lamp, methods: {getInfo: [9]}}
              - user: alice
                program: return syscall.devcall("/right", "info")
              - detach: right
              - user: alice
                program: return pcall(syscall.devcall, "/right", "info")
            """);
        var scenario = Scenario.Read(file);
        Assert.That(scenario.Steps[0].Attach?.ToString(), Is.EqualTo("right:lamp"));
        Assert.That(scenario.Steps[2].Detach, Is.EqualTo("right"));
        var seen = ScenarioRun.Run(Harness.Adapters.AdapterRegistry.Create("reference"), scenario).ToDictionary(o => o.Key, o => o.Value);
        Assert.That(seen["step 1"], Is.EqualTo("attached"));
        Assert.That(seen["step 2"], Is.EqualTo("ok(9)"));
        Assert.That(seen["step 3"], Is.EqualTo("detached"));
        Assert.That(seen["step 4"], Does.StartWith("ok(false, "));
        Assert.That(seen["peripheral right"], Is.EqualTo("getInfo()"));
        var again = Scenario.Read(Write("again.yaml", scenario.ToYaml(scenario.Steps, _folder)));
        Assert.That(again.Steps.Select(s => (s.Attach?.ToString(), s.Detach, s.User)), Is.EqualTo(scenario.Steps.Select(s => (s.Attach?.ToString(), s.Detach, s.User))));
    }

    [TestCase("steps:\n  - {attach: {name: left, type: lamp}, detach: left}", "step 1 needs a user and a program, or one attach: or detach: alone")]
    [TestCase("steps:\n  - {attach: {name: lamp_0, type: lamp}}", "attached directly, so its name must be a side")]
    [TestCase("steps:\n  - {user: root, program: return 1, detach: left}", "step 1 needs a user and a program, or one attach: or detach: alone")]
    public void BadAttachOrDetachSteps_Exit2(string steps, string message)
    {
        var file = Write("s.yaml", steps + "\n");
        var (exit, output, error) = CliRun.Real("compare", "--adapter", "reference", "--adapter", "reference", "--scenario", file);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), output + error);
        Assert.That(output + error, Does.Contain(message));
    }

    [TestCase("peripherals: left", "at line 1: peripherals: is a list of peripherals.")]
    [TestCase("peripherals:\n  - {type: lamp}", "at line 2: a peripheral needs a name")]
    [TestCase("peripherals:\n  - {name: left}", "at line 2: peripheral 'left' needs a type.")]
    [TestCase("peripherals:\n  - {name: lamp_0, type: lamp}", "attached directly, so its name must be a side")]
    [TestCase("peripherals:\n  - {name: left, type: lamp, colour: red}", "unknown peripheral field 'colour'")]
    [TestCase("peripherals:\n  - {name: left, type: lamp, kind: lamp}", "kind 'lamp' is not device, wired modem or wireless modem")]
    [TestCase("peripherals:\n  - {name: left, type: lamp, methods: {on: 3}}", "method 'on' is a list of results, echo")]
    [TestCase("peripherals:\n  - {name: left, type: lamp}\n  - {name: left, type: lamp}", "peripheral 'left' is declared twice")]
    public void BadPeripherals_Exit2_WithTheLine(string section, string message)
    {
        var file = Write("s.yaml", section + "\nsteps:\n  - {user: root, program: return 1}\n");
        var (exit, output, error) = CliRun.Real("compare", "--adapter", "reference", "--adapter", "reference", "--scenario", file);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), output + error);
        Assert.That(output + error, Does.Contain(message));
    }
}
