# Checks the errors of unpacking into a call: the classic thread mistake args=(5) (no tuple),
# ** with a non-mapping, and * in displays; the message names the function when the starred
# value is the call's only positional part. Also the constructors' argument counts, exit(code=).
import threading


def work(*numbers, **options):
    return sum(numbers)


class Settings:
    def keys(self):
        return ["depth", "width"]

    def __getitem__(self, key):
        return len(key)


class Account:
    def deposit(self, *amounts):
        return sum(amounts)


attempts = [
    lambda: work(*5), lambda: work(**5), lambda: print(*5), lambda: Account().deposit(*7),
    lambda: Account.deposit(*None), lambda: work(1, *5), lambda: work(*[1], **[2]),
    lambda: [*5], lambda: {**5}, lambda: (*5,), lambda: {*3}, lambda: work(*(x for x in 5)),
    lambda: [*map(sum, [1, 2])], lambda: work(*map(list, [1, 2])),
    lambda: work(a=1, **{"a": 2}), lambda: work(**{"a": 1}, **{"a": 2}),
    lambda: print(**{"sep": "-"}, **{"sep": "+"}), lambda: dict(**Settings()),
    lambda: list(1, 2), lambda: tuple(1, 2), lambda: dict(1, 2), lambda: float(1, 2),
    lambda: bool(1, 2), lambda: int("1", 2, 3), lambda: str(1, 2, 3, 4),
]
for attempt in attempts:
    try:
        print("ok:", attempt())
    except TypeError as error:
        print("TypeError:", error)

print(work(*(1, 2)), work(*[3, 4], **{"flag": True}), work(*range(3)))
print((lambda **options: options)(**Settings()))

thread = threading.Thread(target=work, args=(5))
thread.start()
thread.join()
print("the thread ended; its error went to stderr")
exit(code=3)
