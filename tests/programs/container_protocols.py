# Checks container and iterator protocols: __len__/__getitem__ (used by in, iter, reversed), __iter__/__next__, __call__.
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]

    def __call__(self, n):
        return self.cards[:n]

deck = Deck("AKQJ")
print(len(deck), deck[0], deck[-1], deck[1:3], "Q" in deck, "2" in deck, list(deck), deck(2), list(reversed(deck)))

class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(4)), max(Countdown(3)), 2 in Countdown(3))
