# Escape sequences in str and bytes literals, and raw strings that keep them.
'\\ \' \" \a \b \f \n \r \t \v'
'\0 \7 \12 \123 \777'
'\x00 \x7f \xff \xFF'
'\u0041 \u00e9 \u20ac \uFFFF'
'\U0001F600 \U00000041'
'\N{LATIN SMALL LETTER E WITH ACUTE} \N{EURO SIGN} \N{SNAKE}'
'unknown escapes stay: \d \w \q'
'line \
continuation inside a string'
"mixed 'quotes' \"escaped\""
'caf\xe9'
b'\\ \' \" \a \b \f \n \r \t \v'
b'\0 \7 \12 \123 \377'
b'\x00 \x7f \x80 \xff'
b'\u0041 \N{x} stay literal in bytes'
r'\n \t \\ \' \x41'
rb'\n \x41'
r'\
'
'\r\n'
"\
"
'tab	inside'
'\101\102\103'
