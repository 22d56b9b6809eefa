# Token boundaries that need care: numbers touching keywords, dots, operators without spaces.
x = 1if y else 2
z = [0x1for x in y]
a = 1or 2
b = 0x1e+1
c = 1.e-1
d = 1_0.0_1j
e = a.b.c
f = 1 .real
h = x[1:-1]
i = a<b>c<=d>=e==f!=g
j = a**-b//c
l = [*a,*b]
m = {**a}
n = a@b
o = ~-+a
p = a<<b>>c
q = a if b else(c)
r = not(a)
s = lambda:0
t = (yield)if 0 else 1
u = x==-1
