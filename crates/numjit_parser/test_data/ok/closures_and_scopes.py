# Nested functions, closures, classes in functions and functions in classes.
def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    class Reset:
        def __call__(self):
            nonlocal count
            count = start

    return increment, Reset()


def decorator_factory(arg):
    def decorator(fn):
        def wrapper(*args, **kwargs):
            return fn(arg, *args, **kwargs)
        return wrapper
    return decorator
