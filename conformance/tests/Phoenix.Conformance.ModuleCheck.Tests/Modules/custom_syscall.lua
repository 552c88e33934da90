-- Adds a syscall (line 3) and replaces a built-in one (line 5), where the page says to use callmodule instead. Its
-- unload puts both back, so only the syscall advice is broken.
syscalls.checked_hello = function(process) return "hello " .. process.user end
local getuser = syscalls.getuser
syscalls.getuser = function(process, ...) return getuser(process, ...) end
return {
    unload = function()
        syscalls.checked_hello = nil
        syscalls.getuser = getuser
    end,
}
