"""Dates, times and durations: timedelta, date, time, datetime, tzinfo and timezone, written
after CPython's datetime (Lib/_pydatetime.py's algorithms; what its C module, the one CPython
runs, prints and raises). Local time is UTC, as in our `time` module: now(), today(),
fromtimestamp() and astimezone() read the clock as UTC, and timestamp() of a naive datetime
takes it as UTC."""

import math as _math
import sys as _sys
import time as _time

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059  # date.max.toordinal()
_MAX_DELTA_DAYS = 999999999
_US_PER_DAY = 86400 * 1000000

# 3.10 took integer arguments as operator.index does; 3.11 widened fromisoformat to most of
# ISO 8601; 3.12 added strftime's %:z.
_INDEX_MESSAGES = _sys.version_info >= (3, 10)
_WIDE_ISOFORMAT = _sys.version_info >= (3, 11)
_COLON_Z = _sys.version_info >= (3, 12)
# 3.12 deprecated the naive UTC constructors.
_UTC_DEPRECATED = _sys.version_info >= (3, 12)


def _deprecated(what, instead):
    import warnings
    warnings.warn("datetime.datetime.%s is deprecated and scheduled for removal in a future "
                  "version. Use timezone-aware objects to represent datetimes in UTC: "
                  "datetime.datetime.%s." % (what, instead), DeprecationWarning, stacklevel=3)

_DAYS_IN_MONTH = (-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTHNAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
               "Nov", "Dec")
_FULL_MONTHNAMES = (None, "January", "February", "March", "April", "May", "June", "July",
                    "August", "September", "October", "November", "December")
_DAYNAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_DAYNAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _ymd2ord(year, month, day):
    """Day number of a date, 0001-01-01 being day 1 (the proleptic Gregorian ordinal)."""
    return (_days_before_year(year) + _DAYS_BEFORE_MONTH[month]
            + (month > 2 and _is_leap(year)) + day)


def _ord2ymd(n):
    """(year, month, day) of a proleptic Gregorian ordinal."""
    # Whole 400-year cycles, then 100-, 4- and 1-year ones; the last year of a 4- or 400-year
    # cycle is the one day longer, so a remainder of 4 whole years or centuries is Dec 31.
    n -= 1
    n400, n = divmod(n, 146097)
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5  # a guess, at most one too big
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if before > n:
        month -= 1
        before -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - before + 1


def _isoweek1monday(year):
    """Ordinal of the Monday that starts ISO week 1 (the week holding the year's first
    Thursday)."""
    first = _ymd2ord(year, 1, 1)
    weekday = (first + 6) % 7
    monday = first - weekday
    if weekday > 3:
        monday += 7
    return monday


def _isoweek_to_ymd(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("Year is out of range: %d" % year)
    if not 0 < week < 53:
        # Only years that start on a Thursday, or leap years that start on a Wednesday, have
        # a week 53.
        first = (_ymd2ord(year, 1, 1) + 6) % 7
        if not (week == 53 and (first == 3 or (first == 2 and _is_leap(year)))):
            raise ValueError("Invalid week: %d" % week)
    if not 0 < day < 8:
        raise ValueError("Invalid weekday: %d (range is [1, 7])" % day)
    return _ord2ymd(_isoweek1monday(year) + (week - 1) * 7 + day - 1)


# --- names and errors as the C module gives them ----------------------------------------------

_BUILTIN_TYPES = (int, float, str, bytes, bool, list, tuple, dict, set, frozenset,
                  type(None), range)


def _type_name(value):
    """The C module's `tp_name` of a value's type: 'datetime.date' for ours, the bare name for
    anything else (a subclass of ours included)."""
    cls = type(value)
    if cls in _OWN_TYPES:
        return "datetime." + cls.__name__
    return cls.__name__


def _unsupported(symbol, left, right, reflected=False):
    """The TypeError CPython gives for `left symbol right`, raised here so that it names our
    types as the C module does; NotImplemented while the other operand may still answer (a
    type of ours before its reflected method ran, or a class of the program's)."""
    other = left if reflected else right
    # Python asks no reflected method of an operand of the same type.
    if type(other) in _BUILTIN_TYPES or (type(other) in _OWN_TYPES
                                         and (reflected or type(left) is type(right))):
        raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                        % (symbol, _type_name(left), _type_name(right)))
    return NotImplemented


def _not_orderable(symbol, left, right):
    # Taken as the forward comparison: `5 < d` asks d.__gt__ too, and is named the other way
    # round from CPython's message.
    if type(right) in _BUILTIN_TYPES or type(right) in _OWN_TYPES:
        raise TypeError("'%s' not supported between instances of '%s' and '%s'"
                        % (symbol, _type_name(left), _type_name(right)))
    return NotImplemented


def _index(value):
    if isinstance(value, int):
        return int(value)
    if not isinstance(value, float) and hasattr(type(value), "__index__"):
        return value.__index__()
    if _INDEX_MESSAGES:
        raise TypeError("'%s' object cannot be interpreted as an integer" % _type_name(value))
    if isinstance(value, float):
        raise TypeError("integer argument expected, got float")
    raise TypeError("an integer is required (got type %s)" % _type_name(value))


_OMITTED = object()


def _check_given(*names_and_values):
    for position, (name, value) in enumerate(names_and_values, 1):
        if value is _OMITTED:
            raise TypeError("function missing required argument '%s' (pos %d)"
                            % (name, position))


def _check_date_fields(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour, minute = _index(hour), _index(minute)
    second, microsecond = _index(second), _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % _type_name(tz))


def _check_offset(name, offset):
    """What a tzinfo's utcoffset() or dst() returned, checked as CPython checks it."""
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, _type_name(offset)))
    if not -_ONE_DAY < offset < _ONE_DAY:
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) "
                         "and timedelta(hours=24), not %r." % (offset,))
    return offset


def _call_tzname(tz, dt):
    if tz is None:
        return None
    name = tz.tzname(dt)
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % _type_name(name))
    return name


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _round_half_away(x):
    """C's round(): halves go away from zero (Python's round() goes to even)."""
    whole = float(int(x))
    if abs(x - whole) >= 0.5:
        whole += _math.copysign(1.0, x)
    return whole


def _divide_and_round(a, b):
    """a / b rounded to the nearest int, halves to even, exactly."""
    q, r = divmod(a, b)
    r *= 2
    if (r > b if b > 0 else r < b) or (r == b and q % 2 == 1):
        q += 1
    return q


# --- formatting ---------------------------------------------------------------------------------

def _format_time(hh, mm, ss, us, timespec="auto"):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % hh
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    raise ValueError("Unknown timespec value")


def _format_offset(offset, sep=":"):
    if offset is None:
        return ""
    sign = "+"
    if offset._days < 0:
        sign = "-"
        offset = -offset
    hours, rest = divmod(offset._seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "%s%02d%s%02d" % (sign, hours, sep, minutes)
    if seconds or offset._microseconds:
        text += "%s%02d" % (sep, seconds)
        if offset._microseconds:
            text += ".%06d" % offset._microseconds
    return text


def _strftime(format, obj, year, month, day, hour, minute, second):
    """strftime as CPython gives it on Linux: glibc's directives in the C locale, plus %f, %z,
    %Z (and %:z from 3.12) of the object itself. glibc leaves a directive it does not know as
    written."""
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % _type_name(format))
    ordinal = _ymd2ord(year, month, day)
    wday = (ordinal + 6) % 7  # Monday is 0
    yday = ordinal - _ymd2ord(year, 1, 1) + 1
    out = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        i += 1
        if ch != "%" or i == n:
            out.append(ch)
            continue
        ch = format[i]
        i += 1
        if ch == "Y":
            out.append("%d" % year)
        elif ch == "m":
            out.append("%02d" % month)
        elif ch == "d":
            out.append("%02d" % day)
        elif ch == "H":
            out.append("%02d" % hour)
        elif ch == "M":
            out.append("%02d" % minute)
        elif ch == "S":
            out.append("%02d" % second)
        elif ch == "f":
            out.append("%06d" % getattr(obj, "_microsecond", 0))
        elif ch == "y":
            out.append("%02d" % (year % 100))
        elif ch == "C":
            out.append("%d" % (year // 100))
        elif ch == "I":
            out.append("%02d" % ((hour + 11) % 12 + 1))
        elif ch == "l":
            out.append("%2d" % ((hour + 11) % 12 + 1))
        elif ch == "k":
            out.append("%2d" % hour)
        elif ch == "p":
            out.append("AM" if hour < 12 else "PM")
        elif ch == "P":
            out.append("am" if hour < 12 else "pm")
        elif ch == "a":
            out.append(_DAYNAMES[wday])
        elif ch == "A":
            out.append(_FULL_DAYNAMES[wday])
        elif ch in "bh":
            out.append(_MONTHNAMES[month])
        elif ch == "B":
            out.append(_FULL_MONTHNAMES[month])
        elif ch == "j":
            out.append("%03d" % yday)
        elif ch == "e":
            out.append("%2d" % day)
        elif ch == "w":
            out.append("%d" % ((wday + 1) % 7))
        elif ch == "u":
            out.append("%d" % (wday + 1))
        elif ch == "U":
            out.append("%02d" % ((yday + 6 - (wday + 1) % 7) // 7))
        elif ch == "W":
            out.append("%02d" % ((yday + 6 - wday) // 7))
        elif ch in "GgV":
            iso_year, iso_week = date(year, month, day).isocalendar()[:2]
            out.append("%d" % iso_year if ch == "G" else
                       "%02d" % (iso_year % 100) if ch == "g" else "%02d" % iso_week)
        elif ch == "c":
            out.append("%s %s %2d %02d:%02d:%02d %d" % (_DAYNAMES[wday], _MONTHNAMES[month],
                                                        day, hour, minute, second, year))
        elif ch in "xD":
            out.append("%02d/%02d/%02d" % (month, day, year % 100))
        elif ch in "XT":
            out.append("%02d:%02d:%02d" % (hour, minute, second))
        elif ch == "F":
            out.append("%d-%02d-%02d" % (year, month, day))
        elif ch == "R":
            out.append("%02d:%02d" % (hour, minute))
        elif ch == "r":
            out.append("%02d:%02d:%02d %s" % ((hour + 11) % 12 + 1, minute, second,
                                             "AM" if hour < 12 else "PM"))
        elif ch == "s":
            # Seconds since the epoch, the fields read as local time (UTC).
            out.append("%d" % ((ordinal - _EPOCH_ORDINAL) * 86400 + hour * 3600
                               + minute * 60 + second))
        elif ch == "n":
            out.append("\n")
        elif ch == "t":
            out.append("\t")
        elif ch == "%":
            out.append("%")
        elif ch == "z":
            if hasattr(obj, "utcoffset"):
                out.append(_format_offset(obj.utcoffset(), ""))
        elif ch == "Z":
            if hasattr(obj, "tzname"):
                out.append(obj.tzname() or "")
        elif ch == ":" and _COLON_Z and format[i:i + 1] == "z":
            i += 1
            if hasattr(obj, "utcoffset"):
                out.append(_format_offset(obj.utcoffset(), ":"))
        else:
            out.append("%" + ch)
    return "".join(out)


# --- timedelta ----------------------------------------------------------------------------------

_DELTA_UNITS = (("microseconds", 1), ("milliseconds", 1000), ("seconds", 1000000),
                ("minutes", 60000000), ("hours", 3600000000), ("days", _US_PER_DAY),
                ("weeks", 7 * _US_PER_DAY))


def _delta(us):
    """The timedelta of `us` microseconds."""
    seconds, us = divmod(us, 1000000)
    days, seconds = divmod(seconds, 86400)
    if not -_MAX_DELTA_DAYS <= days <= _MAX_DELTA_DAYS:
        raise OverflowError("days=%d; must have magnitude <= %d" % (days, _MAX_DELTA_DAYS))
    self = object.__new__(timedelta)
    self._days = days
    self._seconds = seconds
    self._microseconds = us
    self._hashcode = -1
    return self


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999), days alone signed."""

    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                 weeks=0):
        # As the C module sums them: ints exactly, in microseconds; a float's whole part
        # exactly too, its fraction times the unit in floating point, and what is left below a
        # microsecond summed and rounded once at the end (halves to even).
        values = (microseconds, milliseconds, seconds, minutes, hours, days, weeks)
        total = 0
        leftover = 0.0
        for (unit, factor), value in zip(_DELTA_UNITS, values):
            if isinstance(value, int):
                total += value * factor
            elif isinstance(value, float):
                fraction, whole = _math.modf(value)
                total += int(whole) * factor
                if fraction:
                    fraction, whole = _math.modf(fraction * factor)
                    total += int(whole)
                    leftover += fraction
            else:
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (unit, _type_name(value)))
        if leftover:
            whole = _round_half_away(leftover)
            if abs(whole - leftover) == 0.5:
                odd = total & 1
                whole = 2.0 * _round_half_away((leftover + odd) * 0.5) - odd
            total += int(whole)
        seconds, us = divmod(total, 1000000)
        days, seconds = divmod(seconds, 86400)
        if not -_MAX_DELTA_DAYS <= days <= _MAX_DELTA_DAYS:
            raise OverflowError("days=%d; must have magnitude <= %d" % (days, _MAX_DELTA_DAYS))
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._to_us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        return "%s(%s)" % (_type_name(self), ", ".join(args) or "0")

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = "%d:%02d:%02d" % (hours, minutes, seconds)
        if self._days:
            plural = "s" if abs(self._days) != 1 else ""
            text = "%d day%s, %s" % (self._days, plural, text)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        return text

    def __format__(self, format_spec):
        # timedelta has object's __format__: only the empty spec.
        if not isinstance(format_spec, str):
            raise TypeError("argument to __format__ must be str, not %s"
                            % _type_name(format_spec))
        if format_spec:
            raise TypeError("unsupported format string passed to %s.__format__"
                            % _type_name(self))
        return str(self)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _delta(self._to_us() + other._to_us())
        return _unsupported("+", self, other)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return _delta(self._to_us() + other._to_us())
        return _unsupported("+", other, self, True)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _delta(self._to_us() - other._to_us())
        return _unsupported("-", self, other)

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _delta(other._to_us() - self._to_us())
        return _unsupported("-", other, self, True)

    def __neg__(self):
        return _delta(-self._to_us())

    def __pos__(self):
        return _delta(self._to_us())

    def __abs__(self):
        return -self if self._days < 0 else _delta(self._to_us())

    def _times(self, other):
        if isinstance(other, int):
            return _delta(self._to_us() * other)
        if isinstance(other, float):
            numerator, denominator = other.as_integer_ratio()
            return _delta(_divide_and_round(self._to_us() * numerator, denominator))
        return None

    def __mul__(self, other):
        result = self._times(other)
        return self._cannot_multiply(self, other, False) if result is None else result

    def __rmul__(self, other):
        result = self._times(other)
        return self._cannot_multiply(other, self, True) if result is None else result

    def _cannot_multiply(self, left, right, reflected):
        if isinstance(left if reflected else right, (str, bytes, list, tuple, range)):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % _type_name(self))
        return _unsupported("*", left, right, reflected)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return _delta(self._to_us() // other)
        return _unsupported("//", self, other)

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, int):
            return _delta(_divide_and_round(self._to_us(), other))
        if isinstance(other, float):
            numerator, denominator = other.as_integer_ratio()
            return _delta(_divide_and_round(denominator * self._to_us(), numerator))
        return _unsupported("/", self, other)

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return _delta(self._to_us() % other._to_us())
        return _unsupported("%", self, other)

    # A timedelta on the right of these only ever divides a timedelta.
    def __rtruediv__(self, other):
        return _unsupported("/", other, self, True)

    def __rfloordiv__(self, other):
        return _unsupported("//", other, self, True)

    def __rmod__(self, other):
        return _unsupported("%", other, self, True)

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, _delta(r)
        return _unsupported("divmod()", self, other)

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._key() != other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return _not_orderable("<", self, other)

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return _not_orderable("<=", self, other)

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return _not_orderable(">", self, other)

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return _not_orderable(">=", self, other)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), self._key())


timedelta.min = _delta(-_MAX_DELTA_DAYS * _US_PER_DAY)
timedelta.max = _delta((_MAX_DELTA_DAYS + 1) * _US_PER_DAY - 1)
timedelta.resolution = _delta(1)
_ONE_DAY = _delta(_US_PER_DAY)
_ZERO = _delta(0)


# --- ISO 8601 text --------------------------------------------------------------------------------
# As the C module parses it: fixed-width digit fields, strings read as if NUL-terminated ("\0"
# past the end), and from 3.11 most of ISO 8601 (basic format, week dates, ',' fractions of any
# length, 'Z'), before 3.11 only what isoformat() writes.

def _digits(s, pos, count):
    """The int of `count` ASCII digits at s[pos:], or None."""
    text = s[pos:pos + count]
    if len(text) != count or not all(c in "0123456789" for c in text):
        return None
    return int(text)


def _char(s, pos):
    return s[pos] if pos < len(s) else "\0"


def _parse_iso_date(s, end):
    """(year, month, day) of s[:end], or None."""
    year = _digits(s, 0, 4)
    if year is None:
        return None
    if not _WIDE_ISOFORMAT:
        if end != 10 or s[4] != "-" or s[7] != "-":
            return None
        month, day = _digits(s, 5, 2), _digits(s, 8, 2)
        return None if month is None or day is None else (year, month, day)
    dashed = s[4] == "-"
    pos = 4 + dashed
    if _char(s, pos) == "W":
        week = _digits(s, pos + 1, 2)
        if week is None:
            return None
        pos += 3
        day = 1
        if pos < end:
            if dashed:
                if _char(s, pos) != "-":
                    return None
                pos += 1
            day = _digits(s, pos, 1)
            if day is None:
                return None
        try:
            return _isoweek_to_ymd(year, week, day)
        except ValueError:
            return None
    month = _digits(s, pos, 2)
    if month is None:
        return None
    pos += 2
    if dashed:
        if _char(s, pos) != "-":
            return None
        pos += 1
    day = _digits(s, pos, 2)
    return None if day is None else (year, month, day)


def _parse_hh_mm_ss_ff(s, pos, end):
    """(status, [hour, minute, second, microsecond]) of s[pos:end]: status -1 if malformed, 1
    if something follows, else 0."""
    values = [0, 0, 0, 0]
    colons = True
    for i in range(3):
        value = _digits(s, pos, 2)
        if value is None:
            return -1, values
        values[i] = value
        c = _char(s, pos + 2)
        pos += 3
        if i == 0:
            colons = c == ":" or not _WIDE_ISOFORMAT
        if pos >= end:
            return (1 if c != "\0" else 0), values
        if colons and c == ":":
            continue
        if c == "." or (c == "," and _WIDE_ISOFORMAT):
            break
        if colons:
            return -1, values
        pos -= 1
    remaining = end - pos
    if _WIDE_ISOFORMAT:
        count = min(remaining, 6)
        if count <= 0:
            return -1, values
    else:
        count = remaining
        if count not in (3, 6):
            return -1, values
    fraction = _digits(s, pos, count)
    if fraction is None:
        return -1, values
    values[3] = fraction * 10 ** (6 - count)
    pos += count
    if _WIDE_ISOFORMAT:
        while _char(s, pos) in "0123456789" and pos < len(s):
            pos += 1
    return (1 if _char(s, pos) != "\0" else 0), values


def _parse_iso_time(s, start):
    """([hour, minute, second, microsecond], tzinfo or None) of s[start:], or None."""
    end = len(s)
    tz_pos = start
    signs = "+-Z" if _WIDE_ISOFORMAT else "+-"
    while tz_pos < end and s[tz_pos] not in signs:
        tz_pos += 1
    status, values = _parse_hh_mm_ss_ff(s, start, tz_pos)
    if status < 0:
        return None
    if tz_pos >= end:
        return None if status == 1 else (values, None)
    if s[tz_pos] == "Z":
        return (values, timezone.utc) if tz_pos + 1 == end else None
    if not _WIDE_ISOFORMAT and end - tz_pos not in (6, 9, 16):
        return None
    sign = -1 if s[tz_pos] == "-" else 1
    status, tz_values = _parse_hh_mm_ss_ff(s, tz_pos + 1, end)
    if status != 0:
        return None
    hours, minutes, seconds, micro = tz_values
    offset = sign * (hours * 3600 + minutes * 60 + seconds)
    if offset == 0:
        return values, timezone.utc
    return values, timezone(timedelta(0, offset, sign * micro))


def _iso_separator(s):
    """Where the date ends in a datetime string (3.11+), as CPython finds it."""
    n = len(s)
    if n == 7:
        return 7
    if s[4] == "-":
        if s[5] == "W":
            if n > 8 and s[8] == "-":
                if n == 9:
                    raise ValueError
                if n > 10 and s[10] in "0123456789":
                    return 8
                return 10
            return 8
        return 10
    if s[4] == "W":
        pos = 7
        while pos < n and s[pos] in "0123456789":
            pos += 1
        if pos < 9:
            return pos
        return 7 if pos % 2 == 0 else 8
    return 8


# --- tzinfo and timezone ------------------------------------------------------------------------

class tzinfo:
    """Abstract base for time zones: subclasses give utcoffset(), dst() and tzname()."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """The local time of the UTC time dt (whose tzinfo is self), for zones whose
        standard offset does not change."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError("fromutc: non-None dst() result required")
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + dtdst

    def __reduce__(self):
        args = getattr(self, "__getinitargs__", lambda: ())()
        state = getattr(self, "__dict__", None)
        return (type(self), args, state) if state else (type(self), args)


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""

    __slots__ = ("_offset", "_name")

    def __new__(cls, offset=_OMITTED, name=_OMITTED):
        if offset is _OMITTED:
            raise TypeError("timezone() missing required argument 'offset' (pos 1)")
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % _type_name(offset))
        if name is _OMITTED:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % _type_name(name))
        if not -_ONE_DAY < offset < _ONE_DAY:
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), not %r."
                             % (offset,))
        return cls._create(offset, name)

    # gilpy's object.__init__ refuses arguments even when __new__ takes them.
    def __init__(self, *args, **kwargs):
        pass

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__())

    # Immutable: a copy may be the zone itself (copy would call __new__ with no offset).
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s(%r)" % (_type_name(self), self._offset)
        return "%s(%r, %r)" % (_type_name(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset(dt) argument must be a datetime instance or None, not %s"
                        % _type_name(dt))

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError("tzname(dt) argument must be a datetime instance or None, not %s"
                        % _type_name(dt))

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst(dt) argument must be a datetime instance or None, not %s"
                        % _type_name(dt))

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset
        raise TypeError("fromutc: argument must be a datetime")

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return "UTC"
        sign = "+"
        if delta < _ZERO:
            sign = "-"
            delta = -delta
        hours, rest = divmod(delta._seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        if delta._microseconds:
            return "UTC%s%02d:%02d:%02d.%06d" % (sign, hours, minutes, seconds,
                                                 delta._microseconds)
        if seconds:
            return "UTC%s%02d:%02d:%02d" % (sign, hours, minutes, seconds)
        return "UTC%s%02d:%02d" % (sign, hours, minutes)


timezone.utc = timezone._create(_ZERO)
# The C module's bounds: 23:59 either way.
timezone.min = timezone._create(_delta(-_US_PER_DAY + 60000000))
timezone.max = timezone._create(_delta(_US_PER_DAY - 60000000))
if _sys.version_info >= (3, 11):
    UTC = timezone.utc


def _local_timezone():
    # Local time is UTC; CPython names the zone by its tm_zone.
    return timezone(_ZERO, "UTC")


# --- date ---------------------------------------------------------------------------------------

def _new_date(cls, year, month, day):
    if cls is date:
        self = object.__new__(date)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self
    return cls(year, month, day)


def _timestamp_parts(t, rounding_floor):
    """(whole seconds, microseconds) of a timestamp, rounded as CPython rounds it: floor for
    dates, halves to even for datetimes."""
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        fraction, whole = _math.modf(t)
        if rounding_floor:
            return int(_math.floor(t)), 0
        us = round(fraction * 1e6)
        whole = int(whole)
        if us >= 1000000:
            us -= 1000000
            whole += 1
        elif us < 0:
            us += 1000000
            whole -= 1
        return whole, us
    return _index(t), 0


def _ymd_of_seconds(seconds):
    days, rest = divmod(seconds, 86400)
    ordinal = days + _EPOCH_ORDINAL
    if not 1 <= ordinal <= _MAXORDINAL:
        raise ValueError("year %d is out of range" % _ord2ymd(ordinal)[0])
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    return _ord2ymd(ordinal) + (hour, minute, second)


class date:
    """A date of the proleptic Gregorian calendar: year, month, day."""

    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __init__(self, year=_OMITTED, month=_OMITTED, day=_OMITTED):
        _check_given(("year", year), ("month", month), ("day", day))
        self._year, self._month, self._day = _check_date_fields(year, month, day)
        self._hashcode = -1

    @classmethod
    def fromtimestamp(cls, t):
        whole, _ = _timestamp_parts(t, True)
        y, m, d = _ymd_of_seconds(whole)[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORDINAL:
            raise ValueError("year %d is out of range" % _ord2ymd(n)[0])
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        n = len(date_string)
        parts = None
        if n in ((7, 8, 10) if _WIDE_ISOFORMAT else (10,)):
            parts = _parse_iso_date(date_string, n)
        if parts is None:
            raise ValueError("Invalid isoformat string: %r" % (date_string,))
        return cls(*parts)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_isoweek_to_ymd(year, week, day))

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_type_name(self), self._year, self._month, self._day)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d 00:00:00 %04d" % (_DAYNAMES[weekday - 1], _MONTHNAMES[self._month],
                                            self._day, self._year)

    def strftime(self, format):
        return _strftime(format, self, self._year, self._month, self._day, 0, 0, 0)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % _type_name(fmt))
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0,
                                  self.weekday(), self._yday(), -1))

    def _yday(self):
        return self.toordinal() - _ymd2ord(self._year, 1, 1) + 1

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    __replace__ = replace

    def _date_key(self):
        return (self._year, self._month, self._day)

    # A date and a datetime are never equal, and do not order (before 3.13 datetime raised its
    # own message for the ordering).
    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def __eq__(self, other):
        if self._comparable(other):
            return self._date_key() == other._date_key()
        return NotImplemented

    def __ne__(self, other):
        if self._comparable(other):
            return self._date_key() != other._date_key()
        return NotImplemented

    def __lt__(self, other):
        if self._comparable(other):
            return self._date_key() < other._date_key()
        return _not_orderable("<", self, other)

    def __le__(self, other):
        if self._comparable(other):
            return self._date_key() <= other._date_key()
        return _not_orderable("<=", self, other)

    def __gt__(self, other):
        if self._comparable(other):
            return self._date_key() > other._date_key()
        return _not_orderable(">", self, other)

    def __ge__(self, other):
        if self._comparable(other):
            return self._date_key() >= other._date_key()
        return _not_orderable(">=", self, other)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._date_key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            # Only whole days count: a date has no time of day.
            ordinal = self.toordinal() + other._days
            if 0 < ordinal <= _MAXORDINAL:
                return _new_date(type(self), *_ord2ymd(ordinal))
            raise OverflowError("date value out of range")
        return _unsupported("+", self, other)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self + other
        return _unsupported("+", other, self, True)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, date) and not isinstance(other, datetime):
            return _delta((self.toordinal() - other.toordinal()) * _US_PER_DAY)
        return _unsupported("-", self, other)

    def __rsub__(self, other):
        return _unsupported("-", other, self, True)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        today = self.toordinal()
        week, day = divmod(today - _isoweek1monday(year), 7)
        if week < 0:
            year -= 1
            week, day = divmod(today - _isoweek1monday(year), 7)
        elif week >= 52 and today >= _isoweek1monday(year + 1):
            year += 1
            week = 0
        return _IsoCalendarDate(year, week + 1, day + 1)

    def __reduce__(self):
        return (type(self), self._date_key())


class _IsoCalendarDate(tuple):
    """What isocalendar() gives: (year, week, weekday), also by name."""

    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % self

    def __reduce__(self):
        return (tuple, (tuple(self),))


_IsoCalendarDate.__name__ = "IsoCalendarDate"
_IsoCalendarDate.__qualname__ = "IsoCalendarDate"


# --- time ---------------------------------------------------------------------------------------

class _TimeOfDay:
    """What `time` and `datetime` share: the time fields and the tzinfo methods, which a
    `time` asks about no date (`_tz_subject` None) and a `datetime` about itself."""

    __slots__ = ()

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @property
    def _tz_subject(self):
        return self

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset("utcoffset", self._tzinfo.utcoffset(self._tz_subject))

    def tzname(self):
        return _call_tzname(self._tzinfo, self._tz_subject)

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset("dst", self._tzinfo.dst(self._tz_subject))


class time(_TimeOfDay):
    """A time of day, naive or with a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_hashcode",
                 "_fold")

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        (self._hour, self._minute, self._second, self._microsecond,
         self._fold) = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo
        self._hashcode = -1

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _compare(self, other, equality):
        """-1, 0 or 1; 2 for "not equal" when only equality was asked."""
        mytz, ottz = self._tzinfo, other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            same = True
        else:
            myoff, otoff = self.utcoffset(), other.utcoffset()
            same = myoff == otoff
        if same:
            return _cmp(self._key(), other._key())
        if myoff is None or otoff is None:
            if equality:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        mine = self._hour * 60 + self._minute - myoff // timedelta(minutes=1)
        theirs = other._hour * 60 + other._minute - otoff // timedelta(minutes=1)
        return _cmp((mine, self._second, self._microsecond),
                    (theirs, other._second, other._microsecond))

    def __eq__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) != 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) < 0
        return _not_orderable("<", self, other)

    def __le__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) <= 0
        return _not_orderable("<=", self, other)

    def __gt__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) > 0
        return _not_orderable(">", self, other)

    def __ge__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) >= 0
        return _not_orderable(">=", self, other)

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.replace(fold=0).utcoffset() if self._fold else self.utcoffset()
            minutes = self._hour * 60 + self._minute
            if offset:
                minutes -= offset // timedelta(minutes=1)
            self._hashcode = hash((minutes, self._second, self._microsecond))
        return self._hashcode

    def _tzstr(self):
        return _format_offset(self.utcoffset())

    def __repr__(self):
        if self._microsecond:
            fields = "%d, %d, %d, %d" % self._key()
        elif self._second:
            fields = "%d, %d, %d" % self._key()[:3]
        else:
            fields = "%d, %d" % self._key()[:2]
        text = "%s(%s" % (_type_name(self), fields)
        if self._fold:
            text += ", fold=1"
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        return text + ")"

    def isoformat(self, timespec="auto"):
        return (_format_time(self._hour, self._minute, self._second, self._microsecond,
                             timespec) + self._tzstr())

    def __str__(self):
        return self.isoformat()

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        start = 1 if _WIDE_ISOFORMAT and time_string[:1] == "T" else 0
        parsed = _parse_iso_time(time_string, start) if len(time_string) > start else None
        if parsed is None:
            raise ValueError("Invalid isoformat string: %r" % (time_string,))
        values, tz = parsed
        return cls(*values, tzinfo=tz)

    def strftime(self, format):
        # The date part is 1900-01-01, as in CPython.
        return _strftime(format, self, 1900, 1, 1, self._hour, self._minute, self._second)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % _type_name(fmt))
        if fmt:
            return self.strftime(fmt)
        return str(self)

    # The tzinfo methods are asked about no date.
    _tz_subject = None

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True,
                *, fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def __reduce__(self):
        return (type(self), self._key() + (self._tzinfo,))


# --- datetime -----------------------------------------------------------------------------------

def _new_datetime(cls, year, month, day, hour, minute, second, us, tz, fold=0):
    if cls is datetime:
        self = object.__new__(datetime)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = us
        self._tzinfo = tz
        self._fold = fold
        self._hashcode = -1
        return self
    return cls(year, month, day, hour, minute, second, us, tz, fold=fold)


class datetime(date, _TimeOfDay):
    """A date and a time of day, naive or with a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __init__(self, year=_OMITTED, month=_OMITTED, day=_OMITTED, hour=0, minute=0, second=0,
                 microsecond=0, tzinfo=None, *, fold=0):
        _check_given(("year", year), ("month", month), ("day", day))
        self._year, self._month, self._day = _check_date_fields(year, month, day)
        (self._hour, self._minute, self._second, self._microsecond,
         self._fold) = _check_time_fields(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo
        self._hashcode = -1

    @classmethod
    def _from_seconds(cls, whole, us, tz):
        y, m, d, hh, mm, ss = _ymd_of_seconds(whole)
        result = _new_datetime(cls, y, m, d, hh, mm, ss, us, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        whole, us = _timestamp_parts(t, False)
        return cls._from_seconds(whole, us, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        if _UTC_DEPRECATED:
            _deprecated("utcfromtimestamp()", "fromtimestamp(timestamp, datetime.UTC)")
        whole, us = _timestamp_parts(t, False)
        return cls._from_seconds(whole, us, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        if _UTC_DEPRECATED:
            _deprecated("utcnow()", "now(datetime.UTC)")
        whole, us = _timestamp_parts(_time.time(), False)
        return cls._from_seconds(whole, us, None)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % _type_name(date))
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % _type_name(time))
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        s = date_string
        parts = None
        try:
            if _WIDE_ISOFORMAT:
                split = _iso_separator(s) if len(s) >= 7 else -1
            else:
                split = 10 if len(s) >= 10 else -1
        except (ValueError, IndexError):
            split = -1
        if split > 0:
            ymd = _parse_iso_date(s, split)
            if ymd is not None:
                if len(s) > split:
                    parsed = _parse_iso_time(s, split + 1)
                    if parsed is not None:
                        parts = ymd, parsed[0], parsed[1]
                else:
                    parts = ymd, [0, 0, 0, 0], None
        if parts is None:
            raise ValueError("Invalid isoformat string: %r" % (date_string,))
        ymd, hms, tz = parts
        return cls(*(tuple(ymd) + tuple(hms)), tz)

    @classmethod
    def strptime(cls, date_string, format):
        for position, arg in enumerate((date_string, format), 1):
            if not isinstance(arg, str):
                raise TypeError("strptime() argument %d must be str, not %s"
                                % (position, _type_name(arg)))
        fields, fraction, offset, zone = _strptime(date_string, format)
        if offset is None:
            return cls(*fields, fraction)
        tz = timezone(offset, zone) if zone else timezone(offset)
        return cls(*fields, fraction, tz)

    def timetuple(self):
        dst = self.dst()
        isdst = -1 if dst is None else 1 if dst else 0
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, self.weekday(), self._yday(), isdst))

    def utctimetuple(self):
        offset = self.utcoffset()
        moment = self - offset if offset else self
        return _time.struct_time((moment._year, moment._month, moment._day, moment._hour,
                                  moment._minute, moment._second, moment.weekday(),
                                  moment._yday(), 0))

    def _seconds_of_day(self):
        return self._hour * 3600 + self._minute * 60 + self._second

    def timestamp(self):
        if self._tzinfo is None:
            # Naive times are local, and local time is UTC; CPython adds the microseconds to
            # the whole seconds in floating point.
            seconds = (self.toordinal() - _EPOCH_ORDINAL) * 86400 + self._seconds_of_day()
            return seconds + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return _time_class(self._hour, self._minute, self._second, self._microsecond,
                           fold=self._fold)

    def timetz(self):
        return _time_class(self._hour, self._minute, self._second, self._microsecond,
                           self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def astimezone(self, tz=None):
        if tz is None:
            tz = _local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError("astimezone() argument 1 must be datetime.tzinfo, not %s"
                            % _type_name(tz))
        mytz = self._tzinfo
        offset = None
        if mytz is not None:
            offset = mytz.utcoffset(self)
            _check_offset("utcoffset", offset)
        if offset is None:
            # A naive datetime is local time, which is UTC.
            mytz = _local_timezone()
            offset = _ZERO
        if tz is mytz:
            return self
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAYNAMES[weekday - 1],
                                                  _MONTHNAMES[self._month], self._day,
                                                  self._hour, self._minute, self._second,
                                                  self._year)

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s"
                            % _type_name(sep))
        return ("%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep)
                + _format_time(self._hour, self._minute, self._second, self._microsecond,
                               timespec)
                + _format_offset(self.utcoffset()))

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute]
        if self._microsecond:
            fields += [self._second, self._microsecond]
        elif self._second:
            fields.append(self._second)
        text = "%s(%s" % (_type_name(self), ", ".join("%d" % f for f in fields))
        if self._fold:
            text += ", fold=1"
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        return text + ")"

    def __str__(self):
        return self.isoformat(sep=" ")

    def strftime(self, format):
        return _strftime(format, self, self._year, self._month, self._day, self._hour,
                         self._minute, self._second)

    def _key(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self._microsecond)

    def _compare(self, other, equality):
        """-1, 0 or 1; 2 for "not equal" when only equality was asked."""
        mytz, ottz = self._tzinfo, other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            same = True
        else:
            myoff, otoff = self.utcoffset(), other.utcoffset()
            # A time in a fold (or gap) of a zone whose offset hangs on fold is equal to
            # nothing in another zone.
            if equality:
                if myoff != self.replace(fold=1 - self._fold).utcoffset():
                    return 2
                if otoff != other.replace(fold=1 - other._fold).utcoffset():
                    return 2
            same = myoff == otoff
        if same:
            return _cmp(self._key(), other._key())
        if myoff is None or otoff is None:
            if equality:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        diff = self - other
        if diff._days < 0:
            return -1
        return 1 if diff else 0

    def _order(self, symbol, other):
        if isinstance(other, datetime):
            return self._compare(other, False)
        if isinstance(other, date) and _sys.version_info < (3, 13):
            raise TypeError("can't compare %s to %s" % (_type_name(self), _type_name(other)))
        return None

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, True) != 0
        return NotImplemented

    def __lt__(self, other):
        result = self._order("<", other)
        return _not_orderable("<", self, other) if result is None else result < 0

    def __le__(self, other):
        result = self._order("<=", other)
        return _not_orderable("<=", self, other) if result is None else result <= 0

    def __gt__(self, other):
        result = self._order(">", other)
        return _not_orderable(">", self, other) if result is None else result > 0

    def __ge__(self, other):
        result = self._order(">=", other)
        return _not_orderable(">=", self, other) if result is None else result >= 0

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return _unsupported("+", self, other)
        us = self._seconds_of_day() * 1000000 + self._microsecond + other._seconds * 1000000 \
            + other._microseconds
        days, us = divmod(us, _US_PER_DAY)
        ordinal = self.toordinal() + other._days + days
        if not 0 < ordinal <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        seconds, us = divmod(us, 1000000)
        hour, seconds = divmod(seconds, 3600)
        minute, second = divmod(seconds, 60)
        return _new_datetime(type(self), *_ord2ymd(ordinal), hour, minute, second, us,
                             self._tzinfo)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self + other
        return _unsupported("+", other, self, True)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return _unsupported("-", self, other)
        base = _delta((self.toordinal() - other.toordinal()) * _US_PER_DAY
                      + (self._seconds_of_day() - other._seconds_of_day()) * 1000000
                      + self._microsecond - other._microsecond)
        if self._tzinfo is other._tzinfo:
            return base
        myoff, otoff = self.utcoffset(), other.utcoffset()
        if myoff == otoff:
            return base
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return base + otoff - myoff

    def __hash__(self):
        if self._hashcode == -1:
            moment = self.replace(fold=0) if self._fold else self
            offset = moment.utcoffset()
            days = self.toordinal()
            delta = _delta(days * _US_PER_DAY + self._seconds_of_day() * 1000000
                           + self._microsecond)
            self._hashcode = hash(delta - offset if offset else delta)
        return self._hashcode

    def __reduce__(self):
        return (type(self), self._key() + (self._tzinfo,))


_date_class = date
_time_class = time
_OWN_TYPES = (timedelta, date, time, datetime, timezone, tzinfo)

date.min = _new_date(date, 1, 1, 1)
date.max = _new_date(date, 9999, 12, 31)
date.resolution = _ONE_DAY
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta.resolution
datetime.min = _new_datetime(datetime, 1, 1, 1, 0, 0, 0, 0, None)
datetime.max = _new_datetime(datetime, 9999, 12, 31, 23, 59, 59, 999999, None)
datetime.resolution = timedelta.resolution
_EPOCH_ORDINAL = _ymd2ord(1970, 1, 1)
_EPOCH = _new_datetime(datetime, 1970, 1, 1, 0, 0, 0, 0, timezone.utc)


# --- strptime ---------------------------------------------------------------------------------
# CPython's _strptime builds a regular expression, one group per directive, matched ignoring
# case; we have no `re`, so each directive lists the texts its group could match at a
# position, in the order the regex tries them, and a backtracking walk does the matching.

_DIGITS = "0123456789"
# Each alternative is a sequence of character sets, as in `1[0-2]|0[1-9]|[1-9]`.
_NUMERIC_DIRECTIVES = {
    "d": (("3", "01"), ("12", _DIGITS), ("0", "123456789"), ("123456789",),
          (" ", "123456789")),
    "H": (("2", "0123"), ("01", _DIGITS), (_DIGITS,)),
    "I": (("1", "012"), ("0", "123456789"), ("123456789",)),
    "G": ((_DIGITS,) * 4,),
    "j": (("3", "6", "0123456"), ("3", "012345", _DIGITS), ("12", _DIGITS, _DIGITS),
          ("0", "123456789", _DIGITS), ("0", "0", "123456789"), ("123456789", _DIGITS),
          ("0", "123456789"), ("123456789",)),
    "m": (("1", "012"), ("0", "123456789"), ("123456789",)),
    "M": (("012345", _DIGITS), (_DIGITS,)),
    "S": (("6", "01"), ("012345", _DIGITS), (_DIGITS,)),
    "U": (("5", "0123"), ("01234", _DIGITS), (_DIGITS,)),
    "W": (("5", "0123"), ("01234", _DIGITS), (_DIGITS,)),
    "w": (("0123456",),),
    "u": (("1234567",),),
    "V": (("5", "0123"), ("0", "123456789"), ("1234", _DIGITS), (_DIGITS,)),
    "y": ((_DIGITS, _DIGITS),),
    "Y": ((_DIGITS,) * 4,),
    "f": tuple((_DIGITS,) * n for n in range(6, 0, -1)),
}


def _by_length(names):
    return sorted((name.lower() for name in names), key=len, reverse=True)


_NAME_DIRECTIVES = {
    "A": _by_length(_FULL_DAYNAMES),
    "a": _by_length(_DAYNAMES),
    "B": _by_length(_FULL_MONTHNAMES[1:]),
    "b": _by_length(_MONTHNAMES[1:]),
    "p": ["am", "pm"],
    "Z": _by_length(["utc", "gmt"]),
}
# The C locale's %c, %x and %X, as _strptime finds them.
_COMPOSITE_DIRECTIVES = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}
_REGEX_SPECIALS = "\\.^$*+?(){}[]|"


def _matches(alternatives, s, pos):
    for alternative in alternatives:
        end = pos + len(alternative)
        if end <= len(s) and all(c in allowed for c, allowed in zip(s[pos:end], alternative)):
            yield end


def _offset_matches(s, pos):
    """Where `[+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|Z` can end, in the regex's
    order."""
    if s[pos:pos + 1] == "Z":
        yield pos + 1
        return
    if s[pos:pos + 1] not in ("+", "-") or not all(c in _DIGITS for c in s[pos + 1:pos + 3]) \
            or len(s) < pos + 3:
        return
    starts = [pos + 4, pos + 3] if s[pos + 3:pos + 4] == ":" else [pos + 3]
    for at in starts:
        if not (s[at:at + 1] and s[at] in "012345" and s[at + 1:at + 2]
                and s[at + 1] in _DIGITS):
            continue
        at += 2
        seconds_starts = [at + 1, at] if s[at:at + 1] == ":" else [at]
        for sec in seconds_starts:
            if s[sec:sec + 1] and s[sec] in "012345" and s[sec + 1:sec + 2] \
                    and s[sec + 1] in _DIGITS:
                end = sec + 2
                if s[end:end + 1] == ".":
                    digits = 0
                    while digits < 6 and s[end + 1 + digits:end + 2 + digits] \
                            and s[end + 1 + digits] in _DIGITS:
                        digits += 1
                    for n in range(digits, 0, -1):
                        yield end + 1 + n
                yield end
        yield at


def _compile_strptime(format):
    """The format as a list of ("lit", char), ("space",) and ("dir", char) items."""
    items = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        if ch.isspace():
            while i < n and format[i].isspace():
                i += 1
            items.append(("space",))
            continue
        i += 1
        if ch != "%":
            items.append(("lit", ch))
            continue
        if i == n:
            raise ValueError("stray %% in format '%s'" % format)
        directive = format[i]
        i += 1
        if directive in _COMPOSITE_DIRECTIVES:
            items.extend(_compile_strptime(_COMPOSITE_DIRECTIVES[directive]))
        elif directive == "%":
            items.append(("lit", "%"))
        elif (directive in _NUMERIC_DIRECTIVES or directive in _NAME_DIRECTIVES
              or directive == "z"):
            items.append(("dir", directive))
        else:
            bad = "%" if directive.isspace() or directive in _REGEX_SPECIALS else directive
            raise ValueError("'%s' is a bad directive in format '%s'" % (bad, format))
    return items


def _match_items(items, k, s, pos, found):
    """Whether items[k:] match s from pos on (found gets each directive's text); the first
    match the regex would take, which need not reach the end of s."""
    if k == len(items):
        found["__end__"] = pos
        return True
    item = items[k]
    kind = item[0]
    if kind == "lit":
        if pos < len(s) and s[pos].lower() == item[1].lower():
            return _match_items(items, k + 1, s, pos + 1, found)
        return False
    if kind == "space":
        end = pos
        while end < len(s) and s[end].isspace():
            end += 1
        for stop in range(end, pos, -1):
            if _match_items(items, k + 1, s, stop, found):
                return True
        return False
    directive = item[1]
    if directive in _NUMERIC_DIRECTIVES:
        ends = _matches(_NUMERIC_DIRECTIVES[directive], s, pos)
    elif directive == "z":
        ends = _offset_matches(s, pos)
    else:
        lowered = s.lower()
        ends = [pos + len(name) for name in _NAME_DIRECTIVES[directive]
                if lowered.startswith(name, pos)]
    for end in ends:
        found[directive] = s[pos:end]
        if _match_items(items, k + 1, s, end, found):
            return True
    found.pop(directive, None)
    return False


def _strptime(data_string, format):
    """((year, month, day, hour, minute, second), microseconds, UTC offset or None, zone name
    or None) of a string read by a format, as CPython's _strptime reads it."""
    for index, arg in enumerate((data_string, format)):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument %d must be str, not %s"
                            % (index, type(arg)))
    items = _compile_strptime(format)
    found = {}
    if not _match_items(items, 0, data_string, 0, found):
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    end = found.pop("__end__")
    if end != len(data_string):
        raise ValueError("unconverted data remains: %s" % data_string[end:])

    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    offset = None
    iso_week = week_of_year = None
    week_starts_monday = False
    weekday = julian = None
    for key, text in found.items():
        if key == "y":
            year = int(text)
            # POSIX: 00-68 are 2000-2068, 69-99 are 1969-1999.
            year += 2000 if year <= 68 else 1900
        elif key == "Y":
            year = int(text)
        elif key == "G":
            iso_year = int(text)
        elif key == "m":
            month = int(text)
        elif key == "B":
            month = _FULL_MONTHNAMES.index(text.capitalize())
        elif key == "b":
            month = _MONTHNAMES.index(text.capitalize())
        elif key == "d":
            day = int(text)
        elif key == "H":
            hour = int(text)
        elif key == "I":
            hour = int(text)
            ampm = found.get("p", "").lower()
            if ampm in ("", "am"):
                if hour == 12:
                    hour = 0
            elif hour != 12:
                hour += 12
        elif key == "M":
            minute = int(text)
        elif key == "S":
            second = int(text)
        elif key == "f":
            fraction = int(text + "0" * (6 - len(text)))
        elif key == "A":
            weekday = _FULL_DAYNAMES.index(text.capitalize())
        elif key == "a":
            weekday = _DAYNAMES.index(text.capitalize())
        elif key == "w":
            weekday = (int(text) - 1) % 7
        elif key == "u":
            weekday = int(text) - 1
        elif key == "j":
            julian = int(text)
        elif key in ("U", "W"):
            week_of_year = int(text)
            week_starts_monday = key == "W"
        elif key == "V":
            iso_week = int(text)
        elif key == "z":
            offset = _strptime_offset(text)

    g_needs = ("ISO year directive '%G' must be used with the ISO week directive '%V' and a "
               "weekday directive ('%A', '%a', '%w', or '%u').")
    v_needs = ("ISO week directive '%V' must be used with the ISO year directive '%G' and a "
               "weekday directive ('%A', '%a', '%w', or '%u').")
    v_with_y = ("ISO week directive '%V' is incompatible with the year directive '%Y'. Use "
                "the ISO year '%G' instead.")
    j_with_g = ("Day of the year directive '%j' is not compatible with ISO year directive "
                "'%G'. Use '%Y' instead.")
    if _sys.version_info >= (3, 13):
        if iso_year is not None:
            if julian is not None:
                raise ValueError(j_with_g)
            if iso_week is None or weekday is None:
                raise ValueError(g_needs)
        elif iso_week is not None:
            raise ValueError(v_needs if year is None or weekday is None else v_with_y)
    elif year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError(g_needs)
        if julian is not None:
            raise ValueError(j_with_g)
    elif week_of_year is None and iso_week is not None:
        raise ValueError(v_needs if weekday is None else v_with_y)

    leap_year_fix = False
    if year is None:
        # Feb 29 without a year is read in 1904, a leap year, and then put back in 1900,
        # where the date constructor refuses it.
        if month == 2 and day == 29:
            year = 1904
            leap_year_fix = True
        else:
            year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            first_weekday = date(year, 1, 1).weekday()
            day_of_week = weekday
            if not week_starts_monday:
                first_weekday = (first_weekday + 1) % 7
                day_of_week = (day_of_week + 1) % 7
            if week_of_year == 0:
                julian = 1 + day_of_week - first_weekday
            else:
                julian = 1 + (7 - first_weekday) % 7 + 7 * (week_of_year - 1) + day_of_week
        elif iso_year is not None and iso_week is not None:
            if _sys.version_info >= (3, 12):
                year, month, day = date.fromisocalendar(iso_year, iso_week,
                                                        weekday + 1)._date_key()
            else:
                # Before 3.12 the week is not checked: counted from the Monday before Jan 4.
                julian = iso_week * 7 + weekday + 1 - (date(iso_year, 1, 4).isoweekday() + 3)
                year = iso_year
                if julian < 1:
                    julian += _ymd2ord(year, 1, 1)
                    year -= 1
                    julian -= _ymd2ord(year, 1, 1)
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365

    if julian is None:
        date(year, month, day)  # CPython computes the day of the year here, and so refuses
    else:
        year, month, day = date.fromordinal(julian - 1 + _ymd2ord(year, 1, 1))._date_key()
    if leap_year_fix:
        year = 1900
    return (year, month, day, hour, minute, second), fraction, offset, found.get("Z")


def _strptime_offset(text):
    if text == "Z":
        return timedelta(0)
    z = text
    if z[3] == ":":
        z = z[:3] + z[4:]
        if len(z) > 5:
            if z[5] != ":":
                raise ValueError("Inconsistent use of : in %s" % text)
            z = z[:5] + z[6:]
    seconds = int(z[1:3]) * 3600 + int(z[3:5]) * 60 + int(z[5:7] or 0)
    remainder = z[8:]
    micro = int(remainder + "0" * (6 - len(remainder)))
    if z[0] == "-":
        seconds, micro = -seconds, -micro
    return timedelta(seconds=seconds, microseconds=micro)
