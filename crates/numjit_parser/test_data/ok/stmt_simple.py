# Simple statements: expression statements, pass, break, continue, return.
pass
x
f(x)
...
while True:
    break
while True:
    continue
def f():
    return
def g():
    return 1
def h():
    return 1, 2
def i():
    return *a, b
