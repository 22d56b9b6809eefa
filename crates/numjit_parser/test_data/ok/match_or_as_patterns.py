# match: or-patterns, as-patterns, grouping, guards, and match on tuple subjects.
match event:
    case "click" | "tap":
        pass
    case ("a" | "b") as letter:
        pass
    case [x, y] as point if x == y:
        pass
    case Point(x=0) | Point(y=0) as on_axis:
        pass
    case (1 | 2 | 3):
        pass
    case [("x" | "y") as axis, value]:
        pass
    case {"k": (1 | 2) as v}:
        pass
match a, b:
    case 1, 2:
        pass
match *a, b:
    case _:
        pass
match (yield_value):
    case _:
        pass
match -x:
    case _:
        pass
match x.y[0]:
    case _: pass
