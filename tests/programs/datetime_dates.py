# datetime's date, time, datetime and timezone with fixed values: arithmetic, comparisons,
# isoformat/fromisoformat, strftime/strptime and format specs, time zones and the common errors.
from datetime import date, datetime, time, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR

d = date(2024, 2, 28)
print(d, repr(d), d + timedelta(days=2), d - timedelta(weeks=9), date(2024, 3, 1) - d)
print(d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal(), d.ctime())
print(d.isocalendar(), tuple(date(2021, 1, 3).isocalendar()), date(2020, 12, 31).isocalendar()[1])
print(date.fromordinal(738000), date.fromisoformat("2023-07-04"), d.replace(day=1),
      d.timetuple()[:8])
print(d.strftime("%A %d %B %Y, day %j, week %U/%W"), f"{d:%d/%m/%y}", f"{d}", format(d, "%a"))
print(d < date(2024, 3, 1), d == date(2024, 2, 28), d != datetime(2024, 2, 28), MINYEAR, MAXYEAR)
print(date.min, date.max, date.resolution, len({d, date(2024, 2, 28)}))

t = time(9, 5, 7, 250)
print(t, repr(t), repr(time(12)), t.isoformat("milliseconds"), t.strftime("%I:%M %p %f"))
print(time(23, 59).replace(minute=0), time.fromisoformat("10:30:15.500"), t < time(10),
      f"{t:%H.%M}")

dt = datetime(2024, 3, 10, 14, 30, 5, 123456)
print(dt, repr(dt), repr(datetime(2024, 1, 1)), repr(dt.replace(microsecond=0)))
print(dt.isoformat(), dt.isoformat(" ", "seconds"), dt.isoformat(timespec="minutes"))
print(dt.date(), dt.time(), dt.ctime(), dt.weekday(), dt.timetuple().tm_yday)
print(dt.strftime("%Y-%m-%d %H:%M:%S.%f"), f"{dt:%H:%M:%S.%f}", f"{dt:%c}", f"{dt:%x %X}")
print(dt + timedelta(hours=10), dt - timedelta(days=70), dt - datetime(2024, 1, 1))
print(datetime(2024, 1, 1) - dt, dt > datetime(2024, 3, 10), datetime.combine(d, t))
print(datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(1700000000.5, timezone.utc))
print(datetime.fromordinal(739000), datetime.fromisoformat("2024-03-10T14:30:05.123"))
print(datetime.fromisoformat("2024-03-10 14:30:05+02:00"), datetime.max, datetime.min)

print(datetime.strptime("2024-03-10 14:30:05", "%Y-%m-%d %H:%M:%S"))
print(datetime.strptime("10 Mar 24 2:30:05.5 PM", "%d %b %y %I:%M:%S.%f %p"))
print(repr(datetime.strptime("Sunday, March 10 2024 +0530", "%A, %B %d %Y %z")))
print(datetime.strptime("2024-070", "%Y-%j"), datetime.strptime("12/31/99", "%m/%d/%y"))

cet = timezone(timedelta(hours=1), "CET")
minus = timezone(-timedelta(hours=5, minutes=30))
print(timezone.utc, repr(timezone.utc), cet, repr(cet), minus, repr(minus))
aware = datetime(2024, 3, 10, 12, 0, tzinfo=cet)
print(aware, repr(aware), aware.utcoffset(), aware.tzname(), aware.dst())
print(aware.astimezone(timezone.utc), aware.astimezone(minus), aware.timestamp())
print(aware == datetime(2024, 3, 10, 11, 0, tzinfo=timezone.utc),
      aware - datetime(2024, 3, 10, tzinfo=minus))
print(aware.strftime("%H:%M %Z %z"), aware.isoformat(),
      datetime(2024, 1, 1, tzinfo=minus).isoformat())
print(time(8, 0, tzinfo=cet), time(8, 0, tzinfo=cet) == time(7, 0, tzinfo=timezone.utc))


class Fixed(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=3)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return "Plus3"


local = datetime(2024, 6, 1, 9, 0, tzinfo=Fixed())
print(local, local.tzname(), local.astimezone(timezone.utc), local.utctimetuple()[:6])

mistakes = [
    ("date(2024, 13, 1)", lambda: date(2024, 13, 1)),
    ("date(2023, 2, 29)", lambda: date(2023, 2, 29)),
    ("time(24)", lambda: time(24)),
    ("naive < aware", lambda: dt < aware),
    ("naive - aware", lambda: dt - aware),
    ("dt - 5", lambda: dt - 5),
    ("d + d", lambda: d + d),
    ("dt + dt", lambda: dt + dt),
    ("fromisoformat", lambda: datetime.fromisoformat("10/03/2024")),
    ("strptime", lambda: datetime.strptime("2024-03-10", "%d/%m/%Y")),
    ("strptime rest", lambda: datetime.strptime("2024-03-10 x", "%Y-%m-%d")),
    ("date.max + 1 day", lambda: date.max + timedelta(1)),
    ("timezone(24h)", lambda: timezone(timedelta(hours=24))),
]
for text, attempt in mistakes:
    try:
        print(attempt())
    except Exception as e:
        print(text, "->", type(e).__name__, e)
