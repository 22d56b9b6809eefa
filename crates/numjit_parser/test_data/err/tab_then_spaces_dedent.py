# cpython: TabError: inconsistent use of tabs and spaces in indentation
if x:
	if y:
		pass
        pass
