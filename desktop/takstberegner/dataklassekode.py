"""The code the dataclass decorator writes for each record class, compiled once and kept (issue 9
item 7).

On Python 3.12, @dataclass writes the source of each class's __init__, __repr__, __eq__, __hash__,
__setattr__ and __delattr__ and compiles it with exec, at every start of the program: for the
about 40 classes the command line imports, that compiling was 70 % of importing the program
(about 18 ms of a whole `takstberegner beregn`). `installer()` lets dataclasses compile each such
text once and keeps the code objects in a file beside this module's own bytecode (where Python
keeps its .pyc, for the same interpreter and bytecode version), which later starts read. The text
is the key, so a changed class is compiled again; each function is made by the same exec of the
same code in the same namespace, so it is the same function as without the cache.

Nothing is written when Python writes no bytecode (PYTHONDONTWRITEBYTECODE, -B) or where it may
not write (then every start compiles, as before); a file that is not ours, or damaged, is ignored.
On another Python than 3.12 (3.13 writes its code differently, and faster), in the frozen app, or
when dataclasses' function is not the one copied here, nothing is changed.
"""
# No `from __future__ import annotations` here: compile() below must not pass on any future flag
# (dont_inherit=True makes sure), as dataclasses' own exec passes on none.
import sys

KOMPILERET = [0]  # texts compiled in this process (the tests read it)
_HOEJST = 2000  # texts kept in the file; beyond that, only those the last start used
# dataclasses._create_fn as copied below (Python 3.12.1); another one is left alone
_VARIABLER = ('name', 'args', 'body', 'globals', 'locals', 'return_type', 'return_annotation', 'txt',
              'local_vars', 'ns')
_NAVNE = ('MISSING', 'join', 'keys', 'exec')


def installer() -> None:
    import dataclasses

    if sys.version_info[:2] != (3, 12) or getattr(sys, "frozen", False):
        return  # (3.13 and later have no _create_fn: asking for it first stopped every start)
    original = getattr(dataclasses, "_create_fn", None)
    if (original is None or getattr(original, "_takstberegner", False)
            or original.__code__.co_varnames != _VARIABLER or original.__code__.co_names != _NAVNE):
        return
    try:
        sti = _sti()
    except Exception:  # no bytecode cache for this interpreter (cache_tag None) or no __file__
        return
    kendt = _laes(sti)
    brugt: dict = {}
    MISSING = dataclasses.MISSING
    dataclassernes = vars(dataclasses)

    def _create_fn(name, args, body, *, globals=None, locals=None, return_type=MISSING):
        # dataclasses._create_fn of Python 3.12.1, line for line, but for where the code comes from
        if locals is None:
            locals = {}
        return_annotation = ''
        if return_type is not MISSING:
            locals['__dataclass_return_type__'] = return_type
            return_annotation = '->__dataclass_return_type__'
        args = ','.join(args)
        body = '\n'.join(f'  {b}' for b in body)
        txt = f' def {name}({args}){return_annotation}:\n{body}'
        local_vars = ', '.join(locals.keys())
        txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
        kode = kendt.get(txt)
        if kode is None:
            kode = compile(txt, "<string>", "exec", dont_inherit=True)
            KOMPILERET[0] += 1
        brugt[txt] = kode
        ns = {}
        exec(kode, dataclassernes if globals is None else globals, ns)
        return ns['__create_fn__'](**locals)

    _create_fn._takstberegner = True
    dataclasses._create_fn = _create_fn
    if not sys.dont_write_bytecode:
        import atexit

        atexit.register(_gem, sti, kendt, brugt)


def _sti() -> str:
    import importlib.util

    pyc = importlib.util.cache_from_source(__file__)  # honours PYTHONPYCACHEPREFIX
    return pyc[: -len(".pyc")] + f".opt{sys.flags.optimize}.kode"


def _laes(sti: str) -> dict:
    import importlib.util
    import marshal

    try:
        with open(sti, "rb") as f:
            data = f.read()
        if data[:4] != importlib.util.MAGIC_NUMBER:
            return {}
        d = marshal.loads(data[4:])
    except Exception:  # missing, unreadable or damaged: compile as without the cache
        return {}
    kodetype = type(_laes.__code__)
    if type(d) is not dict or not all(type(k) is str and type(v) is kodetype for k, v in d.items()):
        return {}
    return d


def _gem(sti: str, kendt: dict, brugt: dict) -> None:
    """At exit, when this start compiled something: the file with what it compiled added."""
    import importlib.util
    import marshal
    import os

    if all(txt in kendt for txt in brugt):
        return
    alle = {**_laes(sti), **brugt}
    if len(alle) > _HOEJST:
        alle = brugt
    midlertidig = f"{sti}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(sti), exist_ok=True)
        with open(midlertidig, "wb") as f:
            f.write(importlib.util.MAGIC_NUMBER + marshal.dumps(alle))
        os.replace(midlertidig, sti)
    except Exception:  # read-only installation, full disk: the next start compiles again
        try:
            os.unlink(midlertidig)
        except OSError:
            pass
