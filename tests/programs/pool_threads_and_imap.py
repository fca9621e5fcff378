# Thread names after asyncio.to_thread (asyncio.run shuts its executor down from a thread of its
# own) and after a Pool (whose three handler threads take names); no thread left behind by a
# Pool's close/join or its with block; Pool.imap raising a worker's error when iteration
# reaches its item, and imap_unordered.
import asyncio
import concurrent.futures as cf
import multiprocessing as mp
import threading


def square(x):
    return x * x


def fail_on_two(x):
    if x == 2:
        raise ValueError("bad")
    return x * 10


async def main():
    await asyncio.to_thread(print, "in a worker thread")


if __name__ == "__main__":
    asyncio.run(main())
    print(threading.Thread(target=print).name)
    with cf.ThreadPoolExecutor(2) as executor:
        print(list(executor.map(abs, [-1, -2])))
    print(threading.Thread(target=print).name, threading.active_count())
    pool = mp.Pool(2)
    result = pool.map_async(square, range(5))
    pool.close()
    pool.join()
    print(result.get(), threading.active_count())
    with mp.Pool(2) as pool:
        print(pool.map(square, [3]), pool.apply(square, (4,)))
        items = pool.imap(fail_on_two, [0, 1, 2, 3])
        print(next(items), next(items))
        try:
            next(items)
        except ValueError as error:
            print("raised", error)
        print(sorted(pool.imap_unordered(abs, [-3, -1, -2])),
              list(pool.imap(abs, [-5, -6], chunksize=2)), list(pool.imap(abs, [])))
    print(threading.active_count(), threading.Thread(target=square).name)
