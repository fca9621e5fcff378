# contextvars: a request id set in each asyncio task stays with that task (and the thread
# to_thread runs it on); copy_context, Context.run, tokens and reset; a new thread starts
# with an empty context.
import asyncio
import contextvars
import threading

request_id = contextvars.ContextVar("request_id", default="-")
log = []
def record(msg):
    log.append(f"[{request_id.get()}] {msg}")
async def handle(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.01 * (3 - n))
    record(f"handled {n}")
    await asyncio.to_thread(record, f"thread for {n}")
    return request_id.get()
async def main():
    results = await asyncio.gather(*(handle(n) for n in range(3)))
    print(results, request_id.get())
asyncio.run(main())
print(sorted(log))
v = contextvars.ContextVar("v")
try:
    v.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__)
token = v.set(1)
ctx = contextvars.copy_context()
v.set(2)
print(ctx[v], v.get(), ctx.run(v.get), len(ctx), v in ctx, token.old_value is contextvars.Token.MISSING)
v.reset(token)
print(v.get("gone"))
seen = []
t = threading.Thread(target=lambda: seen.append(request_id.get()))
request_id.set("main")
t.start(); t.join()
print(seen, request_id.get())
try:
    v.reset(token)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e))


async def callbacks():
    request_id.set("in-task")
    seen = []
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: seen.append(request_id.get()))
    future = loop.create_future()
    future.add_done_callback(lambda f: seen.append(request_id.get()))
    request_id.set("later")
    future.set_result(None)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return seen


print(asyncio.run(callbacks()), request_id.get())
print(v.name)
request_id.get(default=1)

