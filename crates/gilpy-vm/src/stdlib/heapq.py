"""Binary min-heaps in plain lists; the same sift algorithm as CPython, so ties order alike.
The five core functions are replaced by `_heapq`'s, as CPython's C ones replace its Python."""


def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def _siftdown(heap, startpos, pos):
    # Move the item at `pos` up towards `startpos` while it is smaller than its parent.
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    # Sink the item at `pos` to a leaf along the smaller children, then bubble it back up:
    # fewer comparisons than stopping early (Knuth, as CPython does).
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:n]


from _heapq import heapify, heappop, heappush, heappushpop, heapreplace


def merge(*iterables, key=None, reverse=False):
    """The items of sorted iterables, merged lazily into one sorted stream; equal items come
    in the order of their iterables, as CPython's merge yields them."""
    order = -1 if reverse else 1
    heap = []
    for index, iterable in enumerate(iterables):
        iterator = iter(iterable)
        for value in iterator:
            heap.append(_MergeEntry(value if key is None else key(value), order, index, value,
                                    iterator))
            break
    heapify(heap)
    while heap:
        entry = heap[0]
        yield entry.value
        for value in entry.iterator:
            entry.value = value
            entry.key = value if key is None else key(value)
            heapreplace(heap, entry)
            break
        else:
            heappop(heap)


class _MergeEntry:
    """One iterable's next item in merge's heap: ordered by key (reversed when asked), then by
    the iterable's position, so that equal items keep their iterables' order."""

    __slots__ = ("key", "order", "index", "value", "iterator")

    def __init__(self, key, order, index, value, iterator):
        self.key = key
        self.order = order
        self.index = index
        self.value = value
        self.iterator = iterator

    def __lt__(self, other):
        if self.key == other.key:
            return self.index < other.index
        if self.order > 0:
            return self.key < other.key
        return other.key < self.key
