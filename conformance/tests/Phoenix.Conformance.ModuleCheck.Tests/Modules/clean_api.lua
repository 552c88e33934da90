-- Follows every piece of the page's advice: an API that runs the caller's function through userModeCallback, no
-- syscalls, and no kernel state to undo (so no unload is needed).
return {
    each = function(process, thread, fn, ...)
        if type(fn) ~= "function" then return nil end
        return userModeCallback(process, fn, ...)
    end,
    double = function(process, thread, n) return (tonumber(n) or 0) * 2 end,
}
