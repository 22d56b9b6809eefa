# List, tuple, dict and set displays, empty and with trailing commas, and parenthesised expressions.
[]
[1]
[1,]
[1, 2, 3]
()
(1,)
1,
1, 2
(1, 2, 3,)
(1)
((1))
{}
{1: 2}
{1: 2,}
{1: 2, 3: 4}
{1}
{1,}
{1, 2}
[
    1,
    2,
]
{
    "a": 1,
    "b": [1, 2, {"c": (3,)}],
}
x = [[1, 2], [3, 4]]
y = {(1, 2): {3, 4}}
z = ([], (), {})
