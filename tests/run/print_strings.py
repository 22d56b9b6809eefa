# print of string literals, several arguments separated by one space, and
# print() with no argument.


def greet(n):
    print("hello")
    print("n =", n)
    print("a", "b", 1, 2.5, True)
    print()
    print("done")


# run: greet(3) == None
# stdout: hello
# stdout: n = 3
# stdout: a b 1 2.5 True
# stdout:
# stdout: done
