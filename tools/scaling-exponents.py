#!/usr/bin/env python3
"""Fits the growth exponent b of time ∝ N^b (and of allocation) for each method of a BenchmarkDotNet scaling class.

Usage: tools/scaling-exponents.py BenchmarkDotNet.Artifacts/results/<Class>-report-github.md [...]

Reads the GitHub-markdown report, takes the one size column ([Params]/[ParamsSource]), and prints per method the
mean time and allocation at each size, then b fitted by least squares on log(mean) against log(N) over all sizes.
"""
import html
import math
import re
import sys

UNITS = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
BYTES = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def number(text, units):
    match = re.match(r"^\s*([\d,\.]+)\s*(\S+)\s*$", text.strip("*"))
    if not match:
        return None
    return float(match.group(1).replace(",", "")) * units[match.group(2)]


def duration(seconds):
    return f"{seconds * 1e6:,.2f} µs" if seconds < 1e-3 else f"{seconds * 1e3:,.2f} ms"


def fit(points):
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(v) for _, v in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else float("nan")


def report(path):
    rows = [line.strip().strip("|").split("|") for line in open(path, encoding="utf-8") if line.startswith("|")]
    header = [h.strip() for h in rows[0]]
    size = next(h for h in header if h in ("Units", "Events", "Size", "N"))
    by_method = {}
    for row in rows[2:]:
        cells = dict(zip(header, (html.unescape(c.strip()).strip("*'") for c in row)))
        if not cells.get("Method") or not cells.get(size):
            continue
        mean = number(cells["Mean"], UNITS)
        allocated = number(cells.get("Allocated", ""), BYTES) if cells.get("Allocated") not in (None, "-") else None
        n = int(cells[size].replace(",", ""))
        by_method.setdefault(cells["Method"], []).append((n, mean, allocated))
    print(f"## {path}")
    for method, points in by_method.items():
        points.sort()
        sizes = "; ".join(f"{n:,}: {duration(t)}, {a / 1024:,.1f} KB" if a else f"{n:,}: {duration(t)}" for n, t, a in points)
        time_b = fit([(n, t) for n, t, _ in points])
        alloc = [(n, a) for n, _, a in points if a]
        alloc_b = fit(alloc) if len(alloc) > 1 else float("nan")
        print(f"- {method}: time ∝ N^{time_b:.2f}, allocation ∝ N^{alloc_b:.2f} ({sizes})")


for argument in sys.argv[1:]:
    report(argument)
