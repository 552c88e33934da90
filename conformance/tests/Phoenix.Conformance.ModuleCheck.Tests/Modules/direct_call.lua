-- Calls a user's function directly from kernel code, where the page says to use userModeCallback: on line 6, and
-- on line 10 in a tail call (no line can be known then). The third function does it right.
return {
    run = function(process, thread, fn)
        if type(fn) ~= "function" then return nil end
        local result = fn()
        return result
    end,
    runLast = function(process, thread, first, fn)
        if type(fn) == "function" then return fn() end
    end,
    runSafely = function(process, thread, fn)
        if type(fn) == "function" then return userModeCallback(process, fn) end
    end,
}
