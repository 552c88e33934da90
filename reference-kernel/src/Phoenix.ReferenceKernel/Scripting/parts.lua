-- Clauses: none (the check of the seam between C# and the glue)
-- Mirrors: no Phoenix part
-- Checks the kernel table against the declared kernel parts (KernelParts.cs) once the built-in and API scripts have
-- run: returns the undeclared names it holds (the boot fails on any), then guards the table so that an extra script
-- assigning an undeclared name fails at that line instead of patching nothing. Declared parts stay replaceable.
local kernel, declared = ...
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
return table.concat(undeclared, ", ")
