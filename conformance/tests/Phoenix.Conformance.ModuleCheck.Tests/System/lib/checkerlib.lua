-- A library in a system folder (System/lib/), for uses_library.lua: it loads only when the checker runs on that system.
return { answer = function() return 42 end }
