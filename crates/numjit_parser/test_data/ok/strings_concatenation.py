# Implicit concatenation of adjacent string literals, across lines and prefixes.
"a" "b"
"a" 'b' """c""" '''d'''
("first line "
 "second line")
x = ("a"
     r"\b"
     u"c")
b"a" b"b" rb"\c"
f"a{x}" "b"
"a" f"{x}b" f"c{y}"
f"{a}" f"{b}"
"" ""
"a" \
"b"
call("one"
     "two", "three")
