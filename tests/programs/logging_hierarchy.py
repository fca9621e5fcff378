# logging's logger tree: dotted names and placeholders, propagation, effective levels, handlers
# and their levels, filters, disabled loggers, logging.disable, the last resort and the implicit
# basicConfig (both on stderr), basicConfig doing nothing twice unless force=True, reprs, and
# the DeprecationWarning of warn().
import logging
import sys

logging.getLogger("shop.cart").warning("no handlers anywhere: %s", "last resort")
logging.getLogger("shop.cart").info("below WARNING: dropped")

cart = logging.getLogger("shop.cart")
shop = logging.getLogger("shop")
print(cart.parent is shop, shop.parent is logging.getLogger(), logging.getLogger() is logging.root)
print(repr(cart), repr(shop), repr(logging.getLogger()))
print(logging.getLogger("shop").getChild("cart") is cart)

out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("%(name)s|%(levelname)s|%(message)s"))
shop.addHandler(out)
shop.setLevel(logging.DEBUG)
print(cart.getEffectiveLevel(), cart.isEnabledFor(logging.DEBUG), repr(cart))
cart.debug("propagated to shop's handler")

loud = logging.StreamHandler(sys.stdout)
loud.setLevel(logging.ERROR)
loud.setFormatter(logging.Formatter("LOUD %(levelname)s %(message)s"))
cart.addHandler(loud)
cart.info("info: shop's handler only")
cart.error("error: both handlers")
print(len(cart.handlers), repr(out), repr(loud), repr(logging.NullHandler()))
cart.removeHandler(loud)

cart.propagate = False
cart.warning("not propagated, no handler of its own: last resort")
cart.addHandler(logging.NullHandler())
cart.warning("a NullHandler takes it silently")
cart.propagate = True

out.addFilter(logging.Filter("shop.cart"))
shop.warning("filtered out by name")
cart.warning("passes the filter")
out.removeFilter(out.filters[0])
shop.addFilter(lambda record: "secret" not in record.getMessage())
shop.warning("a secret")
shop.warning("public")

cart.disabled = True
cart.critical("disabled logger")
cart.disabled = False
logging.disable(logging.WARNING)
cart.warning("disabled up to WARNING")
cart.error("ERROR passes logging.disable")
logging.disable(logging.NOTSET)

print(logging.getLevelName(logging.WARN), logging.getLevelName("ERROR"), logging.getLevelName(25))
logging.addLevelName(25, "NOTICE")
cart.log(25, "custom level %d", 25)
for bad in ("LOUD", 1.5):
    try:
        shop.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

logging.warning("module function: implicit basicConfig, default format to stderr")
logging.info("root is at WARNING: dropped")
print(len(logging.root.handlers), logging.root.handlers[0].formatter._fmt)
logging.basicConfig(level=logging.DEBUG, format="ignored %(message)s")
logging.debug("basicConfig did nothing: still dropped")
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s", stream=sys.stdout,
                    force=True)
logging.info("after force=True")
logging.basicConfig(handlers=[logging.StreamHandler(sys.stdout)], force=True)
logging.error("handlers=: default format")
try:
    logging.basicConfig(force=True, colour=True)
except ValueError as e:
    print("ValueError", e)
for _ in range(2):
    logging.warn("warn: a DeprecationWarning on stderr, once for this line")
cart.warn("Logger.warn is deprecated too")
