# print inside a loop, and a function that prints and returns a value.


def countdown(n):
    while n > 0:
        print(n)
        n -= 1
    print("liftoff")
    return n


# run: countdown(3) == 0
# stdout: 3
# stdout: 2
# stdout: 1
# stdout: liftoff
# run: countdown(0) == 0
# stdout: liftoff
