# A tuple rebuilt every iteration as loop state.


def running(n):
    state = (0, 1, 0.0)
    for i in range(n):
        s, p, f = state
        state = (s + i, p * 2, f + 0.5)
    return state


# run: running(5) == (10, 32, 2.5)
# run: running(0) == (0, 1, 0.0)
