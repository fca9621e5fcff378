"""The parts of `time` written in Python, run in the native module's namespace: calendar time
(`gmtime`, `localtime`, `strftime`, `asctime`, `ctime`). Local time is UTC: the page has no
time zone to ask, and a learner's program reads the same wherever it runs."""

from _structseq import struct_sequence as _struct_sequence

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


struct_time = _struct_sequence(
    "struct_time", "time",
    ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
     "tm_isdst"),
    {"tm_zone": property(lambda self: "UTC"), "tm_gmtoff": property(lambda self: 0)})


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_lengths(year):
    return (31, 29 if _is_leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def gmtime(secs=None):
    if secs is None:
        secs = time()
    secs = int(secs // 1)
    days, rest = divmod(secs, 86400)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    # Howard Hinnant's days-to-civil: the Gregorian date of a day count from 1970-01-01.
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    wday = (days + 3) % 7  # 1970-01-01 was a Thursday
    yday = sum(_month_lengths(year)[:month - 1]) + day
    return struct_time((year, month, day, hour, minute, second, wday, yday, 0))


localtime = gmtime


def mktime(t):
    year, month, day, hour, minute, second = tuple(t)[:6]
    days = 0
    for y in range(1970, year):
        days += 366 if _is_leap(y) else 365
    days += sum(_month_lengths(year)[:month - 1])
    days += day - 1
    return float(days * 86400 + hour * 3600 + minute * 60 + second)


def strftime(format, t=None):
    if t is None:
        t = localtime()
    year, month, day, hour, minute, second, wday, yday = tuple(t)[:8]
    values = {
        "Y": "%d" % year, "y": "%02d" % (year % 100), "m": "%02d" % month,
        "d": "%02d" % day, "H": "%02d" % hour, "M": "%02d" % minute, "S": "%02d" % second,
        "I": "%02d" % ((hour - 1) % 12 + 1), "p": "AM" if hour < 12 else "PM",
        "a": _DAYS[wday][:3], "A": _DAYS[wday], "b": _MONTHS[month - 1][:3],
        "B": _MONTHS[month - 1], "j": "%03d" % yday, "w": "%d" % ((wday + 1) % 7),
        "Z": "UTC", "z": "+0000", "%": "%", "e": "%2d" % day,
    }
    values["c"] = asctime(t)
    values["x"] = "%02d/%02d/%02d" % (month, day, year % 100)
    values["X"] = "%02d:%02d:%02d" % (hour, minute, second)
    values["D"] = values["x"]
    values["T"] = values["X"]
    values["F"] = "%d-%02d-%02d" % (year, month, day)
    values["R"] = "%02d:%02d" % (hour, minute)
    out = []
    i = 0
    while i < len(format):
        char = format[i]
        if char == "%" and i + 1 < len(format):
            directive = format[i + 1]
            out.append(values.get(directive, "%" + directive))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def asctime(t=None):
    if t is None:
        t = localtime()
    year, month, day, hour, minute, second, wday = tuple(t)[:7]
    return "%s %s %2d %02d:%02d:%02d %d" % (_DAYS[wday][:3], _MONTHS[month - 1][:3], day, hour,
                                           minute, second, year)


def ctime(secs=None):
    return asctime(localtime(secs))


timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")
