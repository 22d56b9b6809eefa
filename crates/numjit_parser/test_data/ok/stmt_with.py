# with statements: single and multiple items, targets, parenthesised forms (3.9+).
with open(path) as f:
    data = f.read()
with lock:
    pass
with a as x, b as y, c:
    pass
with a as (x, y):
    pass
with a as [x, y], b as obj.attr, c as arr[0]:
    pass
with (a as x, b as y):
    pass
with (
    open(src) as fin,
    open(dst, "w") as fout,
):
    fout.write(fin.read())
with (a, b):
    pass
with (a):
    pass
with (a, b) as pair:
    pass
with (yield):
    pass
with a, (b):
    pass
with f(x) as y: pass
