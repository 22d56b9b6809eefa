# Named constants and the ellipsis.
None
True
False
...
Ellipsis
x = None
if x is None or y is ...:
    pass
def stub(): ...
t = (True, False, None, ...)
