-- A module for the compare example (ours): hands the caller's own process handle back, as a module that keeps
-- per-process state might. What the caller can do with it is up to the kernel (ADV-USER-HANDLE-COPIES).
return {
    me = function(process) return process end,
    echo = function(process, thread, ...) return select("#", ...), ... end,
}
