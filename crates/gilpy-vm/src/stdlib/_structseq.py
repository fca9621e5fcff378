"""Struct sequences: tuples whose items are also named fields, of a type of their own, as
CPython's `sys.version_info` and `time.struct_time` are."""


def struct_sequence(name, module, fields, extra=None):
    """The tuple type `module.name` with a read-only property per field, and `extra`."""

    def __repr__(self):
        pairs = ", ".join("%s=%r" % pair for pair in zip(fields, self))
        return "%s.%s(%s)" % (module, name, pairs)

    namespace = {"__slots__": (), "__module__": module, "__repr__": __repr__,
                 "n_fields": len(fields), "n_sequence_fields": len(fields),
                 "n_unnamed_fields": 0}
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, index=index: self[index])
    namespace.update(extra or {})
    return type(name, (tuple,), namespace)
