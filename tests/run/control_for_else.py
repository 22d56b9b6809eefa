# for ... else: the else block runs when the loop completes without break.


def is_prime(n):
    if n < 2:
        return False
    for d in range(2, n):
        if d * d > n:
            break
        if n % d == 0:
            return False
    else:
        return True
    return True


def find(t, v):
    for i, x in enumerate(t):
        if x == v:
            break
    else:
        i = -1
    return i


def empty_else(n):
    r = 0
    for i in range(n):
        r += 1
    else:
        r += 10
    return r


# run: is_prime(2) == True
# run: is_prime(97) == True
# run: is_prime(91) == False
# run: is_prime(1) == False
# run: find((4, 5, 6), 5) == 1
# run: find((4, 5, 6), 9) == -1
# run: empty_else(0) == 10
# run: empty_else(3) == 13
