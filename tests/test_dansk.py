"""dansk.tal, made faster (a context made once, the digits grouped by the format), gives the text
the plain version gave for every value and number of decimals (the plain version is kept here)."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from takstberegner import dansk


def _tal_som_foer(vaerdi, decimaler: int = 2) -> str:
    if vaerdi is None:
        return ""
    d = Decimal(vaerdi)
    if not d.is_finite():
        return "ikke et tal" if d.is_nan() else ("-∞" if d < 0 else "∞")
    ctx = Context(prec=max(28, d.adjusted() + decimaler + 2))
    d = d.quantize(Decimal(1).scaleb(-decimaler) if decimaler > 0 else Decimal(1), rounding=ROUND_HALF_UP,
                   context=ctx)
    negativ = d < 0
    tekst = f"{abs(d):.{decimaler}f}"
    heltal, _, brok = tekst.partition(".")
    grupper = []
    while len(heltal) > 3:
        grupper.insert(0, heltal[-3:])
        heltal = heltal[:-3]
    grupper.insert(0, heltal)
    ud = ".".join(grupper)
    if brok:
        ud += "," + brok
    if negativ and d != 0:
        ud = "-" + ud
    return ud


_TAL = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True, places=None),
    st.decimals(min_value=-10**15, max_value=10**15, places=3),
    st.integers(min_value=-10**40, max_value=10**40),
    st.sampled_from([Decimal("-0.004"), Decimal("-0.005"), Decimal("0.005"), Decimal("999.995"), Decimal("1E+100"),
                     Decimal("-1E-100"), Decimal("-0"), None]),
)


@settings(max_examples=800, deadline=None)
@given(_TAL, st.integers(min_value=0, max_value=8))
def test_tal_som_foer(vaerdi, decimaler):
    assert dansk.tal(vaerdi, decimaler) == _tal_som_foer(vaerdi, decimaler)
