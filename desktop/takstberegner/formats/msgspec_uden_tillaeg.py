"""msgspec, imported without typing_extensions (issue 9 item 7: 44 mio. instructions, about 5 ms, at
every start of the command line).

msgspec reads type hints through typing_extensions when it is installed and through typing when
it is not; on the Python this program runs on (3.11 and newer), typing has everything msgspec
looks for (get_type_hints with include_extras, Required, NotRequired), and our mirrors use only
typing. Takstberegner does not depend on typing_extensions (only test tools bring it), so msgspec
is imported as on a machine without it. If something in this process imported typing_extensions
already, nothing is hidden; the block is lifted at once, so a later import of typing_extensions
works as usual.
"""
import sys

if "msgspec" not in sys.modules and "typing_extensions" not in sys.modules:
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  (import raises ImportError)
    try:
        import msgspec
    finally:
        if sys.modules.get("typing_extensions", 0) is None:
            del sys.modules["typing_extensions"]
else:
    import msgspec

__all__ = ["msgspec"]
