# Assignment expressions (walrus) in every allowed position.
if (n := len(a)) > 10:
    pass
while (chunk := f.read(1024)):
    pass
(y := f(x))
x = (y := 1)
print(y := 2)
f(x, y := 3)
[y := 1, y ** 2]
{(x := 1), 2}
{k: (v := 2)}
total = [(s := s + v) for v in values]
if any((m := pattern.match(line)) for line in lines):
    pass
a[b := 1]
a[(b := 1):2]
if x := check():
    pass
elif y := other():
    pass
while z := next_item():
    pass
assert (n := 1)
del_target = (n := 5) + n
lambda: (x := 1)
(x := 1, y := 2)
