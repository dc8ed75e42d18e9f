"""dataclasses, imported without inspect (issue 9 item 7: about 52 mio. instructions, 6-8 ms, at
every start of the program and the command line).

dataclasses imports inspect (and with it ast, dis, tokenize, linecache, token) at the top, and
uses it in two places: `inspect.get_annotations(cls)` for every record class, and
`inspect.signature(cls)` to write a docstring for a class that has none. `installer()` imports
dataclasses with a small stand-in for inspect in sys.modules and takes it out at once, so that
any later `import inspect` gives the real module. The stand-in, which only dataclasses keeps,

- has get_annotations for a class (what dataclasses asks for) written as Python 3.12's
  inspect.get_annotations does it for a class (the class's own __annotations__, copied);
- hands everything else (get_annotations of anything else or with arguments, signature, any
  other name) to the real inspect, imported at that moment.

So dataclasses behaves as with the real inspect; a record class without a docstring imports the
real inspect when it is made (correct, only slower): the program's record classes have
docstrings (tests/test_cli/test_opstart.py checks that the command imports no inspect). Nothing
is changed when dataclasses or inspect is imported already (as under pytest), or on a Python other
than 3.12, whose dataclasses may use inspect otherwise.
"""
import sys
import types


def _inspect():
    """The real inspect (imported now, if not yet)."""
    if sys.modules.get("inspect") is _STAND_IN:  # only while dataclasses itself is imported
        del sys.modules["inspect"]
    import inspect

    return inspect


def _get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    if not isinstance(obj, type) or globals is not None or locals is not None or eval_str:
        return _inspect().get_annotations(obj, globals=globals, locals=locals, eval_str=eval_str)
    # inspect.get_annotations of Python 3.12 for a class, without eval_str
    obj_dict = getattr(obj, "__dict__", None)
    if obj_dict and hasattr(obj_dict, "get"):
        ann = obj_dict.get("__annotations__", None)
        if isinstance(ann, types.GetSetDescriptorType):
            ann = None
    else:
        ann = None
    if ann is None:
        return {}
    if not isinstance(ann, dict):
        raise ValueError(f"{obj!r}.__annotations__ is neither a dict nor None")
    if not ann:
        return {}
    return dict(ann)


def _videre(navn: str):
    """Any other name of the stand-in: the real inspect's."""
    if navn.startswith("__") and navn.endswith("__"):
        raise AttributeError(navn)
    return getattr(_inspect(), navn)


_STAND_IN = types.ModuleType("inspect", "Stand-in for inspect inside dataclasses (takstberegner).")
_STAND_IN.get_annotations = _get_annotations
_STAND_IN.__getattr__ = _videre


def installer() -> None:
    if sys.version_info[:2] != (3, 12) or "dataclasses" in sys.modules or "inspect" in sys.modules:
        return
    sys.modules["inspect"] = _STAND_IN
    try:
        import dataclasses  # noqa: F401
    finally:
        if sys.modules.get("inspect") is _STAND_IN:
            del sys.modules["inspect"]
