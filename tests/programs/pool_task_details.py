# Pool details: a call that cannot be pickled (a lambda) fails its result, not the submit;
# maxtasksperchild replaces a worker after its tasks; ProcessPoolExecutor's futures carry
# the same errors.
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor


def worker_name(_):
    return multiprocessing.current_process().name


def square(x):
    return x * x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(1) as pool:
        result = pool.apply_async(lambda: 1)
        print("apply_async returned")
        try:
            result.get(5)
        except Exception as error:
            print("get:", type(error).__name__, isinstance(error, pickle.PicklingError))
        errors = []
        pool.apply_async(lambda: 1, error_callback=errors.append).wait(5)
        print("error_callback:", [type(e).__name__ for e in errors])
        print(pool.apply(square, (7,)))

    with multiprocessing.Pool(1, maxtasksperchild=1) as pool:
        print(pool.map(worker_name, range(3), chunksize=1))
    with multiprocessing.Pool(2, maxtasksperchild=2) as pool:
        print(pool.map(square, range(10), chunksize=1))

    with ProcessPoolExecutor(max_workers=1) as executor:
        future = executor.submit(lambda: 1)
        print("submitted")
        try:
            future.result()
        except Exception as error:
            print("result:", type(error).__name__)
        print(executor.submit(square, 12).result())
