# raise in all its forms.
def f():
    raise
def g():
    raise ValueError
def h():
    raise ValueError("bad value")
def i():
    raise RuntimeError("wrapped") from exc
def j():
    raise KeyError from None
