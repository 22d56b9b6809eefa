# Class definitions: bases, keywords, metaclass, starred bases, bodies.
class A: pass
class B(): pass
class C(A): pass
class D(A, B, metaclass=Meta): pass
class E(*bases, **kwds): pass
class F(Generic[T], key=1,):
    """Docstring."""
    attr: int = 0
    other = 1

    def method(self, x):
        return self.attr + x

    @classmethod
    def build(cls):
        return cls()

    class Nested:
        pass
class G(
    A,
    B,
): ...
