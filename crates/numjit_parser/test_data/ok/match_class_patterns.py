# match: class patterns with positional and keyword sub-patterns.
match shape:
    case Point():
        pass
    case Point(x, y):
        pass
    case Point(x=0, y=0):
        pass
    case Point(0, y=yy):
        pass
    case geometry.Circle(center=Point(x, y), radius=r):
        pass
    case int() | float():
        pass
    case str(s):
        pass
    case Point(x, y,):
        pass
    case Box(items=[Item(name=n), *_]):
        pass
