"""hashlib: MD5, SHA-1 and SHA-2 digests, and pbkdf2_hmac, over the native `_hashlib`.

As in CPython, hashing a large buffer and pbkdf2_hmac run without the GIL.
"""

import sys
import _hashlib

algorithms_guaranteed = frozenset(_hashlib.algorithms)
algorithms_available = algorithms_guaranteed
__all__ = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "new",
           "algorithms_guaranteed", "algorithms_available", "pbkdf2_hmac")


class HASH:
    """A digest in progress: update() it with bytes, read digest() or hexdigest()."""

    __module__ = "_hashlib"
    __slots__ = ("_state", "name", "digest_size", "block_size")

    def __init__(self, name, data):
        self._state, self.name, self.digest_size, self.block_size = _hashlib.new(name)
        _hashlib.update(self._state, data)

    def update(self, data):
        _hashlib.update(self._state, data)

    def digest(self):
        return _hashlib.digest(self._state)

    def hexdigest(self):
        return _hashlib.digest(self._state).hex()

    def copy(self):
        copied = object.__new__(HASH)
        copied._state = _hashlib.copy(self._state)
        copied.name, copied.digest_size, copied.block_size = self.name, self.digest_size, self.block_size
        return copied

    def __repr__(self):
        return f"<{self.name} _hashlib.HASH object @ {hex(id(self))}>"


def new(name, data=b"", **kwargs):
    """The digest of algorithm `name` ('sha256', 'md5', ...), started with `data`."""
    if not isinstance(name, str):
        raise TypeError("name must be a string")
    return HASH(name, kwargs.get("string", data))


# CPython's constructors are named so (`hashlib.sha256.__name__`), and their errors say it.
def openssl_md5(string=b"", *, usedforsecurity=True):
    return HASH("md5", string)


def openssl_sha1(string=b"", *, usedforsecurity=True):
    return HASH("sha1", string)


def openssl_sha224(string=b"", *, usedforsecurity=True):
    return HASH("sha224", string)


def openssl_sha256(string=b"", *, usedforsecurity=True):
    return HASH("sha256", string)


def openssl_sha384(string=b"", *, usedforsecurity=True):
    return HASH("sha384", string)


def openssl_sha512(string=b"", *, usedforsecurity=True):
    return HASH("sha512", string)


md5, sha1, sha224 = openssl_md5, openssl_sha1, openssl_sha224
sha256, sha384, sha512 = openssl_sha256, openssl_sha384, openssl_sha512


if sys.version_info >= (3, 11):
    class UnsupportedDigestmodError(ValueError):
        __module__ = "_hashlib"


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password-based key derivation (PKCS #5 v2.0) with HMAC over `hash_name`."""
    if not isinstance(hash_name, str):
        raise TypeError("name must be a string")
    if hash_name.lower() not in _hashlib.algorithms:
        if sys.version_info >= (3, 11):
            raise UnsupportedDigestmodError("[digital envelope routines] unsupported")
        if sys.version_info >= (3, 10):
            raise ValueError("[digital envelope routines] unsupported")
        raise ValueError("unsupported hash type")
    return _hashlib.pbkdf2_hmac(hash_name, password, salt, iterations, dklen)
