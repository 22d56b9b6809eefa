# Explicit line continuations with backslashes, and implicit ones inside brackets.
x = 1 + \
    2
if a and \
   b:
    pass
with open(a) as f, \
     open(b) as g:
    pass
assert x, \
    "message"
y = [1,
     2,
  3]
z = f(a,
b)
def g(a,
        b):
    return (a +
            b)
total = \
    1
s = 'abc' \
    'def'
