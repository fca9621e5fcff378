# Checks an uncaught chained exception (raise ... from ...): stderr shows both, the last line is the outer one.
class ConfigError(Exception):
    pass

def load(settings, key):
    try:
        return settings[key]
    except KeyError as exc:
        raise ConfigError("missing setting: " + key) from exc

settings = {"host": "localhost"}
print("host =", load(settings, "host"))
print("port =", load(settings, "port"))
