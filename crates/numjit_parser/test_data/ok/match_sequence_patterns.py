# match: sequence patterns with brackets, parentheses, no brackets, and star patterns.
match seq:
    case []:
        pass
    case ():
        pass
    case [x]:
        pass
    case (x,):
        pass
    case x, y:
        pass
    case [x, y, *rest]:
        pass
    case (first, *_, last):
        pass
    case [*_]:
        pass
    case *head, tail:
        pass
    case [1, [2, (3, x)]]:
        pass
    case [x, y,]:
        pass
    case (x):
        pass
