# The bank-account demo: deposits and withdrawals from several threads, each holding the
# account's lock across a slow step (a sleep standing in for a database write), so that no
# update is lost. Without the lock, the same code loses updates.
import threading
import time


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = threading.Lock()
        self.history = []

    def deposit(self, amount):
        with self.lock:
            current = self.balance
            time.sleep(0.001)
            self.balance = current + amount
            self.history.append(amount)

    def withdraw(self, amount):
        with self.lock:
            if self.balance < amount:
                self.history.append(-0)
                return False
            current = self.balance
            time.sleep(0.001)
            self.balance = current - amount
            self.history.append(-amount)
            return True

    def deposit_unsafely(self, amount):
        current = self.balance
        time.sleep(0.001)
        self.balance = current + amount


account = Account(100)
threads = [threading.Thread(target=account.deposit, args=(10,)) for _ in range(5)]
threads += [threading.Thread(target=account.withdraw, args=(30,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("with the lock:", account.balance, len(account.history), sum(account.history))

event = threading.Event()
results = []


def careful(i):
    with account.lock:
        event.wait(0.001)
        results.append(i)


workers = [threading.Thread(target=careful, args=(i,)) for i in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(results))

racy = Account(0)
threads = [threading.Thread(target=racy.deposit_unsafely, args=(1,)) for _ in range(10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("without it, updates were lost:", racy.balance < 10)
