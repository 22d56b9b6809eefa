# Arrays created in compiled code: temporaries in loops, arrays returned
# through several calls, arrays alive when an exception is raised.  The Rust
# driver checks that nothing leaks; here the values must be right.
import numpy as np


def temporaries_in_loop(n):
    acc = np.zeros(3)
    for i in range(n):
        t = np.full(3, i * 1.0)
        acc = acc + t * t
    return acc


def make(n):
    return np.arange(n) * 2


def pass_through(a):
    return a


def chain(n):
    a = make(n)
    b = pass_through(a)
    c = pass_through(b[1:])
    return c.sum()


def raise_after_alloc(n):
    a = np.ones(n)
    b = a * 2
    if b.sum() > 5:
        raise ValueError("too big")
    return b


def raise_in_loop(n):
    total = 0.0
    for i in range(n):
        tmp = np.arange(i + 1.0)
        total += tmp.sum()
        if total > 10:
            raise IndexError("overflow at", i)
    return total


def caught(n):
    try:
        raise_after_alloc(n)
    except Exception:
        return -1.0
    return 1.0


def reassign_many(n):
    a = np.zeros(2)
    for i in range(n):
        a = np.array([a[1], a[0] + i])
    return a


def list_of_views(a):
    s = 0.0
    for i in range(a.shape[0]):
        r = a[i]
        s += r[-1]
    return s


def return_tuple_of_arrays(n):
    a = np.arange(n)
    return (a, a[::2], a.copy())


# run: temporaries_in_loop(4) == np.array([14.0, 14.0, 14.0], dtype=np.float64)
# run: temporaries_in_loop(0) == np.array([0.0, 0.0, 0.0], dtype=np.float64)
# run: chain(5) == 20
# run: raise_after_alloc(2) == np.array([2.0, 2.0], dtype=np.float64)
# run: raise_after_alloc(3) raises ValueError: too big
# run: raise_in_loop(3) == 4.0
# run: raise_in_loop(10) raises IndexError
# run: caught(2) == 1.0
# run: caught(10) == -1.0
# run: reassign_many(5) == np.array([4.0, 6.0], dtype=np.float64)
# run: list_of_views(np.arange(12.0).reshape(4, 3)) == 26.0
# run: return_tuple_of_arrays(5) == (np.array([0, 1, 2, 3, 4], dtype=np.int64), np.array([0, 2, 4], dtype=np.int64), np.array([0, 1, 2, 3, 4], dtype=np.int64))


def raise_with_count(a, limit):
    tmp = a * 2
    n = 0
    for x in tmp:
        if x > limit:
            raise ValueError("too big at", n, n + 1)
        n += 1
    return n


def raise_with_int(k):
    tmp = np.zeros(k)
    if k > 2:
        raise IndexError(k)
    return tmp


# run: raise_with_count(np.arange(5.0), 4.5) raises ValueError: ('too big at', 3, 4)
# run: raise_with_count(np.arange(5.0), 100.0) == 5
# run: raise_with_int(5) raises IndexError: 5
# run: raise_with_int(1) == np.array([0.0], dtype=np.float64)
