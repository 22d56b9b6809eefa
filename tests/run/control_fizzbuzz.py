# A branchy loop: counts FizzBuzz categories.


def fizzbuzz_counts(n):
    fizz = 0
    buzz = 0
    fb = 0
    other = 0
    for i in range(1, n + 1):
        if i % 15 == 0:
            fb += 1
        elif i % 3 == 0:
            fizz += 1
        elif i % 5 == 0:
            buzz += 1
        else:
            other += 1
    return fizz, buzz, fb, other


# run: fizzbuzz_counts(15) == (4, 2, 1, 8)
# run: fizzbuzz_counts(100) == (27, 14, 6, 53)
# run: fizzbuzz_counts(0) == (0, 0, 0, 0)
