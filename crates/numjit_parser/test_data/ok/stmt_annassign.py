# Annotated assignments and bare annotations.
x: int
x: int = 1
y: list[int] = []
(z): float = 0.0
obj.attr: str = "a"
obj.attr: str
arr[0]: int = 1
t: tuple[int, ...] = 1, 2
u: int = yield
v: "forward reference"
w: Callable[[int, str], None] = f
