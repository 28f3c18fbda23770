"""Independent reference values for the Delphi round statistics (org.delphipanel.stats).

Generates a few held-out panels (two rounds each), computes every figure that CellStatistics,
RandUclaDisagreement, ConsensusRule, WilcoxonSignedRank, RoundConvergence and StoppingRule report, and
writes one JSON file per panel under src/test/resources/org/delphipanel/stats/rounds/. The Java test
RoundsReferenceTest recomputes the same figures and compares them to 1e-9.

This file shares no code with the Java side: quantiles come from numpy (method='linear' is Hyndman-Fan
type 7, 'weibull' is type 6), mid-ranks from scipy.stats.rankdata, the exact signed-rank p-value from
brute-force enumeration of all 2^n sign assignments (n <= 16) or a big-integer dictionary convolution
(larger n), and the normal-approximation p-values are cross-checked against scipy.stats.wilcoxon.

Run from the repository root:  python3 src/test/python/rounds_reference.py
"""

import itertools
import json
import math
import os
from collections import Counter
from fractions import Fraction

import numpy as np
from scipy import stats

OUT = os.path.join("src", "test", "resources", "org", "delphipanel", "stats", "rounds")
TOL = 1e-9
EXACT_LIMIT = 60
SCIPY_CHECKS = Counter()


# ---------------------------------------------------------------- cell statistics

def on_scale(x, scale):
    lo, hi, step = scale
    k = round((x - lo) / step)
    return abs((x - lo) / step - k) < 1e-6 and 0 <= k <= round((hi - lo) / step)


def cell_stats(values, scale, method):
    x = np.array(sorted(values), dtype=float)
    n = len(x)
    out = {"n": n}
    if n == 0:
        return out
    med = float(np.median(x))
    q1 = float(np.quantile(x, 0.25, method=method))
    q3 = float(np.quantile(x, 0.75, method=method))
    out.update(mean=float(np.mean(x)), median=med, q1=q1, q3=q3, iqr=q3 - q1,
               min=float(x[0]), max=float(x[-1]))
    mad = float(np.median(np.abs(x - med)))
    out["mad"] = mad
    out["mad_scaled"] = 1.4826 * mad
    out["within_half"] = float(np.mean(np.abs(x - med) <= 0.5 + TOL))
    out["within_one"] = float(np.mean(np.abs(x - med) <= 1.0 + TOL))
    lo, hi, step = scale
    a = round((hi - lo) / step) + 1
    counts = [0] * a
    for v in x:
        counts[round((v - lo) / step)] += 1
    out["histogram"] = counts
    if n >= 2:
        var = float(np.var(x, ddof=1))
        out["sd"] = math.sqrt(var)
        sigma_eu = (a * a - 1) / 12.0 * step * step
        out["rwg"] = 1 - var / sigma_eu
        out["rwg_truncated"] = max(0.0, out["rwg"])
    # RAND/UCLA: map each rating onto 1-9 first, then take the percentiles of the mapped ratings.
    mapped = 1 + 8 * (x - lo) / (hi - lo)
    p30 = float(np.quantile(mapped, 0.30, method=method))
    p70 = float(np.quantile(mapped, 0.70, method=method))
    ipr = p70 - p30
    ipras = 2.35 + 1.5 * abs(5 - (p30 + p70) / 2)
    out["rand"] = {"p30": p30, "p70": p70, "ipr": ipr, "ipras": ipras, "disagreement": bool(ipr > ipras + TOL)}
    return out


def default_consensus(s):
    """iqr<=1 and within(1)>=0.7"""
    if s["n"] == 0:
        return False
    return s["iqr"] <= 1 + TOL and s["within_one"] >= 0.7 - TOL


def second_consensus(s):
    """rwg>=0.7 or ipr<=ipras"""
    if s["n"] == 0:
        return False
    rwg_ok = "rwg" in s and s["rwg"] >= 0.7 - TOL
    return rwg_ok or not s["rand"]["disagreement"]


# ---------------------------------------------------------------- Wilcoxon signed rank

def exact_brute_force(ranks, v):
    count_le = count_ge = 0
    for signs in itertools.product((0, 1), repeat=len(ranks)):
        w = sum(r for r, s in zip(ranks, signs) if s)
        if w <= v + 1e-9:
            count_le += 1
        if w >= v - 1e-9:
            count_ge += 1
    return min(1.0, 2 * min(count_le, count_ge) / 2 ** len(ranks))


def exact_convolution(ranks, v):
    dist = Counter({Fraction(0): 1})
    for r in ranks:
        r = Fraction(r).limit_denominator(2)
        nxt = Counter()
        for w, c in dist.items():
            nxt[w] += c
            nxt[w + r] += c
        dist = nxt
    vv = Fraction(v).limit_denominator(2)
    le = sum(c for w, c in dist.items() if w <= vv)
    ge = sum(c for w, c in dist.items() if w >= vv)
    return float(min(Fraction(1), Fraction(2 * min(le, ge), 2 ** len(ranks))))


def wilcoxon(differences):
    d = np.array([round(x, 9) for x in differences], dtype=float)
    d = d[d != 0]
    n = len(d)
    if n == 0:
        return None
    ranks = stats.rankdata(np.abs(d))  # average ranks for ties
    v = float(ranks[d > 0].sum())
    mean = n * (n + 1) / 4
    _, tie_counts = np.unique(np.abs(d), return_counts=True)
    var = n * (n + 1) * (2 * n + 1) / 24 - float(np.sum(tie_counts ** 3 - tie_counts)) / 48
    z = (v - mean) / math.sqrt(var)
    zc = (v - mean - 0.5 * np.sign(v - mean)) / math.sqrt(var)
    p = min(1.0, 2 * stats.norm.sf(abs(z)))
    pc = min(1.0, 2 * stats.norm.sf(abs(zc)))
    if n <= 16:
        pe = exact_brute_force(list(ranks), v)
    elif n <= EXACT_LIMIT:
        pe = exact_convolution(list(ranks), v)
    else:
        pe = None
    # Cross-check with scipy: its statistic is min(W+, W-), its approx p-values must match ours.
    for corr, ours in ((False, p), (True, pc)):
        res = stats.wilcoxon(d, zero_method="wilcox", correction=corr, method="approx")
        assert abs(res.statistic - min(v, n * (n + 1) / 2 - v)) < 1e-9, (res, v)
        assert abs(res.pvalue - ours) < 1e-12, (corr, res.pvalue, ours)
        SCIPY_CHECKS["approx"] += 1
    if len(set(np.abs(d))) == n and n <= 50:
        res = stats.wilcoxon(d, zero_method="wilcox", method="exact")
        assert abs(res.pvalue - pe) < 1e-12, (res.pvalue, pe)
        SCIPY_CHECKS["exact"] += 1
    return {"n": n, "v": v, "p": p, "p_corrected": pc, "p_exact": pe}


# ---------------------------------------------------------------- panels

def make_panel(rng, scale, units, raters, missing, drop_in_later, add_in_later, spread):
    lo, hi, step = scale
    steps = round((hi - lo) / step)

    def snap(x):
        k = int(min(steps, max(0, round((x - lo) / step))))
        return round(lo + k * step, 10) if k < steps else hi

    first, second = [], []
    for u in range(units):
        centre = rng.uniform(lo + 0.2 * (hi - lo), hi - 0.2 * (hi - lo))
        for r in range(raters):
            if rng.random() < missing:
                continue
            x1 = snap(centre + rng.normal(0, spread))
            first.append([f"u{u + 1}", f"r{r + 1}", x1])
            if r in drop_in_later:
                continue
            move = rng.choice([0, 0, 1]) * (centre - x1) * rng.uniform(0.3, 1.0) + rng.normal(0, spread / 4)
            if rng.random() < 0.35:
                move = 0
            second.append([f"u{u + 1}", f"r{r + 1}", snap(x1 + move)])
        for r in range(add_in_later):
            second.append([f"u{u + 1}", f"x{r + 1}", snap(centre + rng.normal(0, spread))])
    return first, second


def summarise(name, scale, first, second, threshold, max_rounds):
    units = list(dict.fromkeys(u for u, _, _ in first))
    cells = []
    for u in units:
        entry = {"unit": u}
        for label, rnd in (("earlier", first), ("later", second)):
            vals = [x for uu, _, x in rnd if uu == u]
            s7 = cell_stats(vals, scale, "linear")
            s6 = cell_stats(vals, scale, "weibull")
            s7["type6"] = {k: s6[k] for k in ("q1", "q3", "iqr") if k in s6}
            if "rand" in s6:
                s7["type6"]["rand"] = s6["rand"]
            s7["consensus_default"] = default_consensus(s7)
            s7["consensus_second"] = second_consensus(s7)
            entry[label] = s7
        e = {r: x for uu, r, x in first if uu == u}
        l = {r: x for uu, r, x in second if uu == u}
        diffs = [l[r] - e[r] for r in e if r in l]
        rounded = [round(d, 9) for d in diffs]
        changed = sum(1 for d in rounded if abs(d) > threshold + TOL)
        entry["change"] = {
            "pairs": len(diffs), "changed": changed, "nonzero": sum(1 for d in rounded if d != 0),
            "fraction_changed": changed / len(diffs) if diffs else None,
            "median_change": entry["later"]["median"] - entry["earlier"]["median"],
            "iqr_change": entry["later"]["iqr"] - entry["earlier"]["iqr"],
            "wilcoxon": wilcoxon(diffs),
            "differences": diffs,
        }
        cells.append(entry)
    all_diffs = [d for c in cells for d in c["change"]["differences"]]
    changed = sum(c["change"]["changed"] for c in cells)
    pooled = {"pairs": len(all_diffs), "changed": changed,
              "nonzero": sum(c["change"]["nonzero"] for c in cells),
              "fraction_changed": changed / len(all_diffs), "wilcoxon": wilcoxon(all_diffs)}
    for c in cells:
        del c["change"]["differences"]
    share = sum(1 for c in cells if c["later"]["consensus_default"]) / len(cells)
    # consensus>=0.8 or stable(0.15) or max_rounds, after round 2 of max_rounds
    triggered = []
    if share >= 0.8 - TOL:
        triggered.append("consensus>=0.8")
    if pooled["fraction_changed"] <= 0.15 + TOL:
        triggered.append("stable(0.15)")
    if 2 >= max_rounds:
        triggered.append("max_rounds")
    return {
        "name": name, "scale": list(scale), "change_threshold": threshold, "max_rounds": max_rounds,
        "earlier": first, "later": second, "cells": cells, "pooled": pooled,
        "stopping": {"consensus_share": share, "stop": bool(triggered), "triggered": triggered},
    }


def main():
    panels = [
        # name, seed, scale, units, raters, missing, dropped raters, added raters, spread, threshold, max rounds
        ("saferai-tenths", 20251, (0.0, 5.0, 0.1), 6, 9, 0.05, {8}, 1, 0.7, 0.5, 3),
        ("halves-many-ties", 20252, (0.0, 5.0, 0.5), 4, 12, 0.0, set(), 0, 0.8, 0.5, 2),
        ("nine-point", 20253, (1.0, 9.0, 1.0), 5, 7, 0.1, {0}, 2, 1.5, 0.5, 4),
        ("saferai-wide", 20254, (0.0, 5.0, 0.1), 3, 15, 0.0, set(), 0, 1.1, 0.25, 3),
        ("large-pooled", 20255, (0.0, 5.0, 0.1), 12, 12, 0.0, set(), 0, 1.2, 0.5, 5),
        ("polarised", 20256, (1.0, 9.0, 1.0), 5, 8, 0.0, set(), 0, 4.0, 1.0, 3),
    ]
    os.makedirs(OUT, exist_ok=True)
    for name, seed, scale, units, raters, missing, dropped, added, spread, threshold, max_rounds in panels:
        rng = np.random.default_rng(seed)
        first, second = make_panel(rng, scale, units, raters, missing, dropped, added, spread)
        panel = summarise(name, scale, first, second, threshold, max_rounds)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(panel, f, indent=1)
            f.write("\n")
        print(name, "pooled", panel["pooled"], "stop", panel["stopping"])
    print("p-values checked against scipy.stats.wilcoxon:", dict(SCIPY_CHECKS))


if __name__ == "__main__":
    main()
