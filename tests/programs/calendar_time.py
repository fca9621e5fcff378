# Calendar time: time.gmtime's struct_time (its fields and repr, leap years, far dates),
# strftime's directives and asctime. (Local time is UTC in gilpy: nothing here depends on it.)
import time
for secs in (0, 1700000000.5, 951782400, 1709210096, 4102444799, 86399):
    t = time.gmtime(secs)
    print(t, t.tm_year, t[0], len(t), time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %w %%", t), time.asctime(t))
print(time.strftime("%H:%M:%S", time.gmtime(0)), type(time.gmtime()).__name__, len(time.strftime("%X")))
