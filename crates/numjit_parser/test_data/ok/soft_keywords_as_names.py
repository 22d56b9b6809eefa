# The soft keywords match, case and _ used as ordinary names.
match = 1
case = 2
_ = 3
match.attr = 4
case.x
match[0]
match(x)
match(x).y
print(match, case)
match = re.match(pattern, text)
if match:
    pass
def match(case, _=None):
    return case
class case: pass
match, case = case, match
match += 1
case: int = 5
import match
from case import match as case
match * x
match -x
[match for match in matches]
match: str
match x:
    case case:
        pass
match match:
    case match.case:
        pass
match case:
    case _:
        _ = match
def f(match, case): return match + case
lambda match: match
