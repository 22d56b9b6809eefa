# Recursive algorithm with several recursive calls and a counter result.


def hanoi(n, src, dst, tmp):
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, tmp, dst)
    moves += 1
    moves += hanoi(n - 1, tmp, dst, src)
    return moves


def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)


# run: hanoi(10, 1, 3, 2) == 1023
# run: hanoi(0, 1, 3, 2) == 0
# run: binom(nom(n, k):
    if n: binom(20, 3) == 1140
