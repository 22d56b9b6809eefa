# try / except* (exception groups, Python 3.11).
try:
    risky()
except* ValueError:
    handle()
except* (TypeError, KeyError) as group:
    handle(group)
except *OSError as e:
    pass
else:
    ok()
finally:
    done()
try:
    pass
except* ValueError:
    pass
finally:
    pass
