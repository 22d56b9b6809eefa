# Decorators: names, attributes, calls, and arbitrary expressions (PEP 614).
@decorator
def f(): pass

@a.b.c
def g(): pass

@jit(nopython=True, parallel=True)
def h(x): return x

@first
@second(1)
@third.attr(key="v")
def stacked(): pass

@buttons[0].clicked.connect
def on_click(): pass

@(lambda fn: fn)
def lam(): pass

@x if y else z
def cond(): pass

@d := make()
def walrus(): pass

@property
def prop(self): pass

@dataclass(frozen=True)
class Point:
    x: float
    y: float

@register
@dataclass
class Other: pass

@decorate
async def coro(): pass
