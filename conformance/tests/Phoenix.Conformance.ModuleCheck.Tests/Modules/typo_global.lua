-- A filesystem whose rename reads a global nobody defines (line 14), in a branch only ordinary users reach: the
-- checker's user phase gets there and notes it. Its unload removes the class, so nothing else is found.
local typofs = {}
local directory = { type = "directory", size = 0, owner = "root", permissions = {}, worldPermissions = { read = true, write = true, execute = true } }
function typofs:new(process, source, options) return setmetatable({ files = {} }, { __index = self }) end
function typofs:info() return "typofs", "", {} end
function typofs:stat(process, path)
    if path == "" then return directory end
    return nil
end
function typofs:list(process, path) return {} end
function typofs:rename(process, from, to)
    if process.user ~= "root" then
        return checkPermision(process, from)
    end
end
filesystems.typofs = typofs
return { unload = function() filesystems.typofs = nil end }
