# Indentation with tabs, and tabs mixed with spaces consistently.
if True:
	x = 1
	if x:
		y = 2
	else:
		y = 3
def f():
	if a:
	        return 1
	return 2
class C:
	def m(self):
		pass
  	# a comment line with odd indentation is ignored
