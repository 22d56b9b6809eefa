# Parameter and return annotations.
def f(a: int, b: str = "x", *args: int, c: float = 1.0, **kwargs: object) -> None:
    pass
def g(a: "forward") -> "Result":
    pass
def h(a: list[int], /, b: dict[str, int] = {}, *, c: tuple[int, ...]) -> list[int]:
    return a
def i(*args: *Ts) -> tuple[*Ts]:
    pass
def j(x: int | None = None) -> Callable[[int], int]:
    pass
def k(x: (yield)) -> (yield): pass
def l(f: lambda: 1 = 2): pass
