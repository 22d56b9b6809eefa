# match: mapping patterns with literal and value keys and **rest.
match config:
    case {}:
        pass
    case {"x": x}:
        pass
    case {"x": x, "y": y,}:
        pass
    case {"kind": "point", **rest}:
        pass
    case {Keys.A: 1, 0: None, -1: _, 1 + 2j: z}:
        pass
    case {**rest}:
        pass
    case {"nested": {"deep": [a, b]}}:
        pass
    case {b"bytes": x, None: y, True: z}:
        pass
