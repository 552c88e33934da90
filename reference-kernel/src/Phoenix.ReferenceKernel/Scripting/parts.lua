-- Clauses: none (the check of the seam between C# and the glue)
-- Mirrors: no Phoenix part
-- Checks the kernel table against the declared kernel parts (KernelParts.cs) once the built-in and API scripts have
-- run: returns the undeclared names it holds (the boot fails on any), then guards the table so that an extra script
-- assigning an undeclared name fails at that line instead of patching nothing. Declared parts stay replaceable.
-- The host table (C# primitives, declared where ReferenceKernel.Host.cs registers them) is guarded too: reading a
-- name it does not have is an error naming it, not a nil that fails later somewhere else.
local kernel, declared, host = ...
local undeclared = {}
for name in next, kernel do
    if not declared[name] then undeclared[#undeclared + 1] = tostring(name) end
end
table.sort(undeclared)
setmetatable(kernel, {
    __newindex = function(t, name, value)
        if not declared[name] then
            error("kernel." .. tostring(name) .. " is not a declared kernel part (KernelParts.cs): a renamed or misspelt part would patch nothing", 2)
        end
        rawset(t, name, value)
    end,
})
setmetatable(host, {
    __index = function(_, name)
        error("host." .. tostring(name) .. " is not a host function (ReferenceKernel.Host.cs registers them)", 2)
    end,
})
return table.concat(undeclared, ", ")
