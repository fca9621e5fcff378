# versions: 3.13
# logging in asyncio programs (3.12+): a record's taskName is the running task's name (None
# outside a task), and the event loop announces its selector on the "asyncio" logger at DEBUG
# (quietened here: its name depends on the platform).
import asyncio
import logging
import sys

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(taskName)s %(name)s %(levelname)s %(message)s")
logging.getLogger("asyncio").setLevel(logging.INFO)
log = logging.getLogger("jobs")


async def job(n):
    log.debug("job %d starts", n)
    await asyncio.sleep(0)
    log.info("job %d ends", n)
    return n


async def main():
    log.info("main runs")
    tasks = [asyncio.create_task(job(n), name="job-%d" % n) for n in range(3)]
    print(await asyncio.gather(*tasks))
    await asyncio.create_task(job(9))
    log.info("main ends")


log.info("before the loop")
asyncio.run(main())
log.info("after the loop")
