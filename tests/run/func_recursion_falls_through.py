# Recursive functions whose body can fall off the end: the implicit `return
# None` makes the return type OptionalType(int64), and the recursive calls
# inside the body must see that type too (found by the sema_lower fuzzer: the
# calls were typed int64 and lowering produced IR that did not verify).


def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)
    if n:
        binom(20, 3)


def countdown(n):
    if n > 0:
        return countdown(n - 1)


def depth(n):
    if n == 0:
        return 0
    if n > 0:
        return depth(n - 1) + 1


# run: binom(10, 5) == 252
# run: binom(20, 3) == 1140
# run: countdown(5) == None
# run: depth(4) == 4
# run: depth(-1) == None
