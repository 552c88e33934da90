-- Changes kernel state (a global table, and a global function on line 3) and has no unload to reverse it.
NO_UNLOAD_SETTINGS = { verbose = true }
function no_unload_helper() return NO_UNLOAD_SETTINGS end
return { settings = function() return NO_UNLOAD_SETTINGS.verbose end }
