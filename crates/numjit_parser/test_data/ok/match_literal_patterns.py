# match: literal patterns (numbers, negative and complex numbers, strings, None, True, False).
match value:
    case 0:
        pass
    case -1:
        pass
    case 1.5:
        pass
    case -2.5e3:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case 3j:
        pass
    case "text":
        pass
    case b"bytes":
        pass
    case "implicit" "concatenation":
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
    case 0x10 | 0o10 | 0b10:
        pass
