"""How the HTTP benchmarks summarise and print latencies."""

from __future__ import annotations

import statistics


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def compare_medians(
    name: str, api: list[float], health: list[float], ratio: float, extra: float
) -> bool:
    """Print the medians of the pairs' p99 and whether the API's is within `ratio` times,
    or `extra` seconds above, the healthz one (the issues' target form)."""
    h_med, a_med = statistics.median(health), statistics.median(api)
    ok = a_med <= ratio * h_med or a_med <= h_med + extra
    print(
        f"  median p99: {name} {ms(a_med)} vs healthz {ms(h_med)} = {a_med / h_med:.2f}x, "
        f"+{ms(a_med - h_med)} [{'ok' if ok else 'FAIL'}: target ≤{ratio}x or ≤+{extra * 1000:.0f} ms]"
    )
    return ok
