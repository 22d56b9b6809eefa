# Primary expressions: attribute access, calls, subscripts, and chains of them.
a.b
a.b.c.d
a()
a()()
a.b()
a().b
a[0]
a[0][1]
a.b[c].d(e)[f]
a[b](c)
f(x).y[z]()
(a).b
(a + b).c
"text".join(parts)
(1).real
1 .real
1.0.real
[1, 2][0]
{"k": 1}["k"]
(1, 2)[0]
np.linalg.norm(x, axis=-1)[..., None].T
