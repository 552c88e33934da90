-- Registers a filesystem class and a global table of hooks, and its unload forgets the hooks: LEAKY_HOOKS (its
-- function on line 9) is left behind. The filesystem class is removed as it should be.
local leakyfs = {}
function leakyfs:stat(process, path) return { type = "directory", size = 0, owner = "root", permissions = {}, worldPermissions = { read = true, write = false, execute = true } } end
function leakyfs:new(process, source, options) return setmetatable({}, { __index = self }) end
function leakyfs:info() return "leakyfs", "", {} end
filesystems.leakyfs = leakyfs
LEAKY_HOOKS = {
    chat = function(event) return event end,
}
return {
    unload = function()
        filesystems.leakyfs = nil
    end,
}
