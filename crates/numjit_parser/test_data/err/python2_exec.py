# cpython: SyntaxError: Missing parentheses in call to 'exec'. Did you mean exec(...)?
exec "code"
