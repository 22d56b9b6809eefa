# Nested for/while loops computing classic small results.


def multiplication_sum(n):
    s = 0
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            s += i * j
    return s


def count_triples(n):
    c = 0
    for a in range(1, n):
        for b in range(a, n):
            for cc in range(b, n):
                if a * a + b * b == cc * cc:
                    c += 1
    return c


def primes_below(n):
    count = 0
    k = 2
    while k < n:
        d = 2
        prime = True
        while d * d <= k:
            if k % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
        k += 1
    return count


# run: multiplication_sum(10) == 3025
# run: count_triples(30) == 10
# run: primes_below(100) == 25
# run: primes_below(2) == 0
