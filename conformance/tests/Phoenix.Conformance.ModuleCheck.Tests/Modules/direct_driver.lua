-- A driver whose method calls the caller's function directly (line 9); its unload deregisters it, so nothing is
-- left behind.
local checkdev = {
    name = "checkdev",
    type = "checkdevice",
    properties = {},
    methods = {
        visit = function(self, process, fn)
            if type(fn) == "function" then fn() end
        end,
    },
}
registerDriver(checkdev)
return { unload = function() deregisterDriver(checkdev) end }
