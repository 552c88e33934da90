-- Throws while loading: nothing else can be checked, and the checker says so.
error("this module refuses to load")
