namespace Phoenix.CraftOS.Tests.Rom;

/// <summary>Lua that loads the ROM APIs as Phoenix 0.0.1-0.0.8 do at boot: cc.expect with a plain load, textutils as
/// an API file in an environment of its own (its globals are the API) whose dofile returns cc.expect.</summary>
internal static class RomLoader
{
    public const string Prelude = """
        local function readRom(path)
            local f = fs.open(path, "r")
            local text = f.readAll()
            f.close()
            return text
        end
        local expect = load(readRom("rom/modules/main/cc/expect.lua"), "@/rom/modules/main/cc/expect.lua")()
        local textutils = setmetatable({ dofile = function() return expect end }, { __index = _G })
        load(readRom("rom/apis/textutils.lua"), "@/rom/apis/textutils.lua", "t", textutils)()

        """;
}
