# Checks printf-style % formatting: %s %r %d %i %f %e %g %x %o %c %%, widths, flags, dict keys.
print("%s and %s" % ("a", "b"))
print("%d items" % 5, "%i" % -3, "%d" % 3.99, "%s" % [1, 2], "%s" % (1,))
print("%r %r" % ("str", 1.5))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%08.2f|%+.1f" % (3.14159, 2.71828, 1.5, -1.5, 2.0))
print("%e|%.2E|%g|%g|%g|%G" % (12345.678, 0.00012, 0.0001, 1e-5, 123456789, 1e-10))
print("%x|%X|%#x|%o|%#o|%c|%c" % (255, 255, 255, 8, 8, 65, "z"))
print("100%% sure", "%s%%" % 50)
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (6, 7, 6, 7, 2, 3.14159))
print("%10s|%-10s|%.2s" % ("right", "left", "truncate"))
print("%s" % None, "%s" % True, "%d" % True, "%.3s" % "abcdef")
print("%x" % (2 ** 70), "%d" % (-(2 ** 65)), "%f" % 1e20, "%.0f" % 2.5, "%.0f" % 3.5)
print("%s" % "only one")
t = (1, 2)
print("tuple: %s" % (t,))
print("%f %f %f" % (float("inf"), float("-inf"), float("nan")))
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%d" % "x")
except TypeError:
    print("TypeError raised for %d with a str")
try:
    print("%s %s" % ("a", "b", "c"))
except TypeError as e:
    print("TypeError:", e)
