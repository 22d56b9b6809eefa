# try statements: except clauses of every shape, else, finally.
try:
    risky()
except:
    pass
try:
    risky()
except ValueError:
    handle()
except (TypeError, KeyError) as exc:
    handle(exc)
except Exception as e:
    raise
else:
    success()
finally:
    cleanup()
try:
    risky()
finally:
    cleanup()
try:
    pass
except ValueError:
    pass
else:
    pass
try: risky()
except: pass
