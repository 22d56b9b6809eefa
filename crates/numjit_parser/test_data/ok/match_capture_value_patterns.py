# match: capture, wildcard and value (dotted name) patterns, guards.
match command:
    case Color.RED:
        pass
    case mod.sub.CONST:
        pass
    case name:
        pass
match command:
    case x if x > 0:
        pass
    case _:
        pass
match (a, b):
    case _ if a == b:
        pass
