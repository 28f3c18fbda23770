"""Independent reference for the weighted maturity scores and their bootstrap intervals.

Written from the formulas in docs/statistics.md (weighted maturity scores), not from the Java code: plain numpy/scipy
(np.median, np.mean, scipy.stats.trim_mean, np.average, np.quantile(method="weibull") = Hyndman-Fan
type 6, scipy.stats.norm), loops over replicates and cells.

The bootstrap draws are generated HERE with numpy (default_rng(20250101)) and written to draws.csv; the
Java test feeds exactly these draws to ScoreBootstrap (package-private run(..., int[][] draws)), so both
sides resample the same experts and must agree to 1e-6. Java's own SplittableRandom streams are covered
by the determinism tests, not by this comparison.

Usage: python3 src/test/python/scores_reference.py src/test/resources/org/delphipanel/stats/scores
"""
import csv
import math
import os
import sys

import numpy as np
from scipy import stats

TIE = 1e-9
LEVEL = 0.95
B = 2000
CONF_WEIGHT = {"LOW": 1.0, "MEDIUM": 2.0, "HIGH": 3.0, "": 2.0}

# SaferAI tree (Campos et al. 2024, section 3 and Annex A): parent -> [(child, weight)]
TREE = {
    "overall": [("risk-identification", 1 / 3), ("risk-tolerance-analysis", 1 / 3), ("risk-mitigation", 1 / 3)],
    "risk-tolerance-analysis": [("global-risk-tolerance", 0.25), ("operational-risk-tolerance", 0.50),
                                ("evaluation-protocols", 0.25)],
    "risk-mitigation": [("deployment-measures", 1 / 3), ("containment-measures", 1 / 3),
                        ("assurance-properties", 1 / 3)],
}
NODES = ["overall", "risk-identification", "risk-tolerance-analysis", "global-risk-tolerance",
         "operational-risk-tolerance", "evaluation-protocols", "risk-mitigation", "deployment-measures",
         "containment-measures", "assurance-properties"]
CRITERIA = [n for n in NODES if n not in TREE]
TARGETS = ["alpha", "beta", "gamma"]
EXPERTS = ["e%d" % i for i in range(1, 9)]
AGGREGATIONS = ["median", "mean", "trimmed:0.2", "confidence"]


def make_ratings(rng):
    base = {"alpha": 3.1, "beta": 2.0, "gamma": 2.4}
    bias = rng.normal(0, 0.5, len(EXPERTS))
    rows = []
    for t in TARGETS:
        for c in CRITERIA:
            level = base[t] + rng.normal(0, 0.6)
            for e, name in enumerate(EXPERTS):
                if t == "beta" and c == "assurance-properties" and name != "e5":
                    continue  # a single rater: jackknife undefined, many replicates excluded
                if t == "gamma" and c == "evaluation-protocols" and name not in ("e1", "e2"):
                    continue  # two raters: some replicates excluded
                if rng.random() < 0.08:
                    continue  # scattered missing ratings
                tenths = int(round(10 * (level + bias[e] + rng.normal(0, 0.5))))
                tenths = min(50, max(0, tenths))
                conf = rng.choice(["LOW", "MEDIUM", "HIGH", ""])
                rows.append((t, c, name, tenths / 10, str(conf)))
    return rows


def aggregate(kind, values, weights):
    if len(values) == 0:
        return math.nan
    x = np.asarray(values, dtype=float)
    if kind == "median":
        return float(np.median(x))
    if kind == "mean":
        return float(np.mean(x))
    if kind.startswith("trimmed:"):
        return float(stats.trim_mean(x, float(kind.split(":")[1])))
    if kind == "confidence":
        return float(np.average(x, weights=np.asarray(weights, dtype=float)))
    raise ValueError(kind)


def scores(kind, grid, members):
    """Scores of every target at every node; members = list of expert indices (repeats allowed)."""
    out = {}
    for t in TARGETS:
        s = {}
        for c in CRITERIA:
            vals, ws = [], []
            for e in members:
                cell = grid.get((t, c, e))
                if cell is not None:
                    vals.append(cell[0])
                    ws.append(CONF_WEIGHT[cell[1]])
            s[c] = aggregate(kind, vals, ws)

        def node(n):
            if n in s:
                return s[n]
            return sum(w * node(child) for child, w in TREE[n])  # nan propagates

        for n in NODES:
            out[(t, n)] = node(n)
    return out


def weibull(sorted_values, p):
    return float(np.quantile(sorted_values, p, method="weibull"))


def main(outdir):
    rng = np.random.default_rng(20250101)
    rows = make_ratings(rng)
    draws = rng.integers(0, len(EXPERTS), size=(B, len(EXPERTS)))
    grid = {(t, c, EXPERTS.index(e)): (v, conf) for t, c, e, v, conf in rows}

    with open(os.path.join(outdir, "ratings.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["target", "criterion", "expert", "grade", "confidence"])
        for r in rows:
            w.writerow([r[0], r[1], r[2], repr(r[3]), r[4]])
    with open(os.path.join(outdir, "draws.csv"), "w", newline="") as f:
        w = csv.writer(f)
        for d in draws:
            w.writerow([int(i) for i in d])

    alpha = (1 - LEVEL) / 2
    z_lo, z_hi = stats.norm.ppf(alpha), stats.norm.ppf(1 - alpha)
    expected, ranks = [], []
    for kind in AGGREGATIONS:
        full = scores(kind, grid, list(range(len(EXPERTS))))
        reps = [scores(kind, grid, list(d)) for d in draws]
        jack = [scores(kind, grid, [e for e in range(len(EXPERTS)) if e != i]) for i in range(len(EXPERTS))]
        for t in TARGETS:
            for n in NODES:
                theta = full[(t, n)]
                series = np.array([r[(t, n)] for r in reps])
                ok = np.sort(series[~np.isnan(series)])
                row = [kind, t, n, theta, len(ok), B - len(ok)]
                if math.isnan(theta) or len(ok) == 0:
                    expected.append(row + ["NA"] * 6)
                    continue
                pct = [weibull(ok, alpha), weibull(ok, 1 - alpha)]
                below = np.sum(ok < theta - TIE) + 0.5 * np.sum(np.abs(ok - theta) <= TIE)
                p0 = below / len(ok)
                jk = np.array([j[(t, n)] for j in jack])
                if p0 <= 0 or p0 >= 1 or np.any(np.isnan(jk)):
                    expected.append(row + pct + ["NA"] * 4)
                    continue
                z0 = stats.norm.ppf(p0)
                d = jk.mean() - jk
                if math.sqrt(np.mean(d ** 2)) <= TIE:
                    a = 0.0
                else:
                    a = np.sum(d ** 3) / (6 * np.sum(d ** 2) ** 1.5)
                a1 = stats.norm.cdf(z0 + (z0 + z_lo) / (1 - a * (z0 + z_lo)))
                a2 = stats.norm.cdf(z0 + (z0 + z_hi) / (1 - a * (z0 + z_hi)))
                expected.append(row + pct + [z0, a, weibull(ok, a1), weibull(ok, a2)])
        for n in ["overall", "risk-mitigation"]:
            for ta in TARGETS:
                for tb in TARGETS:
                    if ta == tb:
                        continue
                    xa = np.array([r[(ta, n)] for r in reps])
                    xb = np.array([r[(tb, n)] for r in reps])
                    both = ~np.isnan(xa) & ~np.isnan(xb)
                    diff = xa[both] - xb[both]
                    p = (np.sum(diff > TIE) + 0.5 * np.sum(np.abs(diff) <= TIE)) / both.sum()
                    ranks.append([kind, n, ta, tb, p, int(both.sum())])

    def fmt(v):
        return v if isinstance(v, str) else repr(float(v)) if not isinstance(v, (int, np.integer)) else str(v)

    with open(os.path.join(outdir, "expected-intervals.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["aggregation", "target", "node", "estimate", "defined", "excluded", "pct_lower",
                    "pct_upper", "z0", "acceleration", "bca_lower", "bca_upper"])
        for r in expected:
            w.writerow([fmt(v) for v in r])
    with open(os.path.join(outdir, "expected-ranks.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["aggregation", "node", "target", "other", "probability", "replicates"])
        for r in ranks:
            w.writerow([fmt(v) for v in r])


if __name__ == "__main__":
    main(sys.argv[1])
