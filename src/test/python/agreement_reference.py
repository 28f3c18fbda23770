#!/usr/bin/env python3
"""Independent reference values for the agreement statistics of org.delphipanel.stats.

Written from the published formulas, not from the Java code, with numpy and scipy only:
  Krippendorff (2011) "Computing Krippendorff's alpha-reliability" (coincidence matrix, explicit
    pair loops per unit); Shrout & Fleiss (1979) ICCs with the F tests and intervals of R's
    psych::ICC (lmer = FALSE); Kendall's W with mid-ranks and the Kendall & Babington Smith tie
    correction, cross-checked against scipy's Friedman test; Fleiss (1971) kappa with the null
    standard error of Fleiss, Nee & Landis (1979); Gwet's AC1/AC2 as in his irrCAC package.

Run from the repository root:  python3 src/test/python/agreement_reference.py
It rewrites the JSON files under src/test/resources/org/delphipanel/stats/agreement/, which
KrippendorffAlpha/ICC/... tests read and compare to 1e-9 (1e-6 for interval bounds).
"""
import json
import math
import os

import numpy as np
from scipy import special, stats

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "org", "delphipanel", "stats", "agreement")


# ---------------------------------------------------------------- Krippendorff's alpha
def kripp_alpha(data, level):
    """data: units x raters, np.nan = missing."""
    units = [row[~np.isnan(row)] for row in data]
    units = [u for u in units if len(u) >= 2]
    values = np.unique(np.concatenate(units)) if units else np.array([])
    idx = {v: i for i, v in enumerate(values)}
    k = len(values)
    o = np.zeros((k, k))
    for u in units:
        m = len(u)
        for i in range(m):
            for j in range(m):
                if i != j:
                    o[idx[u[i]], idx[u[j]]] += 1.0 / (m - 1)
    nc = o.sum(axis=1)
    n = nc.sum()
    if n < 2:
        return None
    if level == "ratio" and (values < 0).any():
        return None
    d2 = np.zeros((k, k))
    for c in range(k):
        for e in range(k):
            a, b = values[c], values[e]
            if level == "nominal":
                d2[c, e] = 0.0 if c == e else 1.0
            elif level == "ordinal":
                lo, hi = min(c, e), max(c, e)
                d2[c, e] = (nc[lo:hi + 1].sum() - (nc[c] + nc[e]) / 2.0) ** 2
            elif level == "interval":
                d2[c, e] = (a - b) ** 2
            elif level == "ratio":
                d2[c, e] = 0.0 if a + b == 0 else ((a - b) / (a + b)) ** 2
    do = (o * d2).sum() / n
    de = (np.outer(nc, nc) * d2).sum() / (n * (n - 1))
    if de == 0:
        return None
    return {"value": 1 - do / de, "pairableValues": int(round(n)), "unitsUsed": len(units),
            "observedDisagreement": do, "expectedDisagreement": de}


# ---------------------------------------------------------------- ICC (psych::ICC, lmer = FALSE)
def icc(data, alpha=0.05):
    x = np.asarray(data, dtype=float)
    if np.isnan(x).any():
        return None
    n, k = x.shape
    grand = x.mean()
    ss_rows = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((x.mean(axis=0) - grand) ** 2).sum()
    ss_tot = ((x - grand) ** 2).sum()
    ss_err = ss_tot - ss_rows - ss_cols
    msb = ss_rows / (n - 1)
    msj = ss_cols / (k - 1)
    mse = ss_err / ((n - 1) * (k - 1))
    msw = (ss_cols + ss_err) / ((k - 1) + (n - 1) * (k - 1))
    icc1 = (msb - msw) / (msb + (k - 1) * msw)
    icc2 = (msb - mse) / (msb + (k - 1) * mse + k * (msj - mse) / n)
    icc3 = (msb - mse) / (msb + (k - 1) * mse)
    icc1k = (msb - msw) / msb
    icc2k = (msb - mse) / (msb + (msj - mse) / n)
    icc3k = (msb - mse) / msb
    f11 = msb / msw
    df11n, df11d = n - 1, n * (k - 1)
    p11 = stats.f.sf(f11, df11n, df11d)
    f21 = msb / mse
    df21n, df21d = n - 1, (n - 1) * (k - 1)
    p21 = stats.f.sf(f21, df21n, df21d)
    q = 1 - alpha / 2
    f1l = f11 / stats.f.ppf(q, df11n, df11d)
    f1u = f11 * stats.f.ppf(q, df11d, df11n)
    f3l = f21 / stats.f.ppf(q, df21n, df21d)
    f3u = f21 * stats.f.ppf(q, df21d, df21n)
    fj = msj / mse
    vn = (k - 1) * (n - 1) * (k * icc2 * fj + n * (1 + (k - 1) * icc2) - k * icc2) ** 2
    vd = (n - 1) * k ** 2 * icc2 ** 2 * fj ** 2 + (n * (1 + (k - 1) * icc2) - k * icc2) ** 2
    v = vn / vd
    f2u = stats.f.ppf(q, n - 1, v)
    f2l = stats.f.ppf(q, v, n - 1)
    l2 = n * (msb - f2u * mse) / (f2u * (k * msj + (k * n - k - n) * mse) + n * msb)
    u2 = n * (f2l * msb - mse) / (k * msj + (k * n - k - n) * mse + n * f2l * msb)

    def row(value, f, d1, d2, p, lo, hi):
        return {"value": value, "f": f, "df1": d1, "df2": d2, "p": p, "lower": lo, "upper": hi}

    return {
        "meanSquares": {"rows": msb, "columns": msj, "within": msw, "residual": mse},
        "ICC1": row(icc1, f11, df11n, df11d, p11, (f1l - 1) / (f1l + k - 1), (f1u - 1) / (f1u + k - 1)),
        "ICC2": row(icc2, f21, df21n, df21d, p21, l2, u2),
        "ICC3": row(icc3, f21, df21n, df21d, p21, (f3l - 1) / (f3l + k - 1), (f3u - 1) / (f3u + k - 1)),
        "ICC1k": row(icc1k, f11, df11n, df11d, p11, 1 - 1 / f1l, 1 - 1 / f1u),
        "ICC2k": row(icc2k, f21, df21n, df21d, p21, l2 * k / (1 + l2 * (k - 1)), u2 * k / (1 + u2 * (k - 1))),
        "ICC3k": row(icc3k, f21, df21n, df21d, p21, 1 - 1 / f3l, 1 - 1 / f3u),
    }


# ---------------------------------------------------------------- Kendall's W
def kendall_w(data):
    x = np.asarray(data, dtype=float)
    if np.isnan(x).any():
        return None
    n, m = x.shape  # n objects (units) ranked by m judges (raters)
    ranks = np.column_stack([stats.rankdata(x[:, j], method="average") for j in range(m)])
    r = ranks.sum(axis=1)
    s = ((r - m * (n + 1) / 2.0) ** 2).sum()
    t = 0.0
    for j in range(m):
        _, counts = np.unique(x[:, j], return_counts=True)
        t += (counts ** 3 - counts).sum()
    w = 12 * s / (m ** 2 * (n ** 3 - n))
    wc = 12 * s / (m ** 2 * (n ** 3 - n) - m * t)
    chi = m * (n - 1) * w
    chic = m * (n - 1) * wc
    # Cross-check: Friedman's test with raters as blocks is m(n-1)W with the same tie correction.
    friedman = stats.friedmanchisquare(*[x[i, :] for i in range(n)])
    assert abs(friedman.statistic - chic) < 1e-9 * max(1, chic), (friedman.statistic, chic)
    return {"w": w, "wCorrected": wc, "chiSquare": chi, "chiSquareCorrected": chic, "df": n - 1,
            "p": stats.chi2.sf(chi, n - 1), "pCorrected": stats.chi2.sf(chic, n - 1), "tieSum": t}


# ---------------------------------------------------------------- category counts
def categories(data, scale):
    if scale is None:
        return np.unique(data[~np.isnan(data)])
    lo, hi, step = scale
    count = int(round((hi - lo) / step)) + 1
    return np.array([hi if i == count - 1 else lo + i * step for i in range(count)])


def count_matrix(data, cats):
    counts = np.zeros((data.shape[0], len(cats)))
    for u in range(data.shape[0]):
        for v in data[u][~np.isnan(data[u])]:
            counts[u, int(np.argmin(np.abs(cats - v)))] += 1
    return counts


# ---------------------------------------------------------------- Fleiss' kappa
def fleiss(data, scale=None):
    cats = categories(data, scale)
    counts = count_matrix(data, cats)
    counts = counts[counts.sum(axis=1) > 0]
    per_unit = counts.sum(axis=1)
    if len(set(per_unit)) != 1 or per_unit[0] < 2:
        return None
    big_n, n = counts.shape[0], per_unit[0]
    p = counts.sum(axis=0) / (big_n * n)
    pi = ((counts * (counts - 1)).sum(axis=1)) / (n * (n - 1))
    pbar = pi.mean()
    pe = (p ** 2).sum()
    kappa = (pbar - pe) / (1 - pe)
    pq = p * (1 - p)
    se0 = math.sqrt(2) / (pq.sum() * math.sqrt(big_n * n * (n - 1))) * math.sqrt(
        pq.sum() ** 2 - (pq * ((1 - p) - p)).sum())
    z = kappa / se0
    return {"kappa": kappa, "observedAgreement": pbar, "chanceAgreement": pe, "standardError": se0,
            "z": z, "p": special.erfc(abs(z) / math.sqrt(2)), "units": big_n, "ratersPerUnit": int(n),
            "categories": len(cats)}


# ---------------------------------------------------------------- Gwet's AC1 / AC2 (irrCAC)
def gwet(data, weights, scale=None):
    cats = categories(data, scale)
    q = len(cats)
    if q < 2:
        return None
    span = cats.max() - cats.min()
    diff = cats[:, None] - cats[None, :]
    if weights == "unweighted":
        w = np.eye(q)
    elif weights == "linear":
        w = 1 - np.abs(diff) / span
    else:
        w = 1 - diff ** 2 / span ** 2
    counts = count_matrix(data, cats)
    counts = counts[counts.sum(axis=1) > 0]
    ri = counts.sum(axis=1)
    weighted = counts @ w.T
    two = ri >= 2
    if not two.any():
        return None
    pa = ((counts * (weighted - 1)).sum(axis=1)[two] / (ri * (ri - 1))[two]).mean()
    pik = (counts / ri[:, None]).mean(axis=0)
    pe = w.sum() * (pik * (1 - pik)).sum() / (q * (q - 1))
    return {"coefficient": (pa - pe) / (1 - pe), "pa": pa, "pe": pe, "categories": q,
            "unitsWithTwoOrMore": int(two.sum()), "units": int(counts.shape[0])}


# ---------------------------------------------------------------- datasets
def nan_matrix(rows):
    return np.array([[np.nan if v is None else float(v) for v in row] for row in rows])


def generated(seed, units, raters, missing, complete):
    rng = np.random.default_rng(seed)
    truth = rng.integers(5, 46, size=units)  # a unit's "true" grade in tenths
    x = truth[:, None] + rng.integers(-6, 7, size=(units, raters)) + rng.integers(-3, 4, size=(1, raters))
    x = np.clip(x, 0, 50) / 10.0
    if not complete:
        mask = rng.random((units, raters)) < missing
        x[mask] = np.nan
        x[0, 1:] = np.nan  # a unit with a single rating: unpairable
    return x


def coarse(seed, units, raters):
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 5, size=units)
    x = truth[:, None] + rng.choice([-1, 0, 0, 0, 1], size=(units, raters))
    return np.clip(x, 0, 4).astype(float)


def everything(name, source, x, scale):
    out = {"name": name, "source": source,
           "scale": None if scale is None else {"min": scale[0], "max": scale[1], "step": scale[2]},
           "ratings": [[None if np.isnan(v) else float(v) for v in row] for row in x]}
    out["krippendorff"] = {lvl.upper(): kripp_alpha(x, lvl) for lvl in ("nominal", "ordinal", "interval", "ratio")}
    out["icc"] = icc(x)
    out["kendall"] = kendall_w(x)
    out["fleiss"] = fleiss(x, scale)
    out["gwet"] = {wt.upper(): gwet(x, wt, scale) for wt in ("unweighted", "linear", "quadratic")}
    return out


# Fleiss (1971), Table 1, one row per patient: the diagnoses of its six raters (1 depression,
# 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other); which six raters varied by patient.
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5], [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4], [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4], [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5], [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4], [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4], [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]


def main():
    os.makedirs(OUT, exist_ok=True)
    sets = [
        everything("missing-tenths", "generated: 30 units x 8 raters, 0-5 step 0.1, ~20% missing, seed 11",
                   generated(11, 30, 8, 0.2, False), (0.0, 5.0, 0.1)),
        everything("complete-tenths", "generated: 40 units x 5 raters, 0-5 step 0.1, complete, seed 23",
                   generated(23, 40, 5, 0.0, True), (0.0, 5.0, 0.1)),
        everything("complete-tenths-observed-categories", "same ratings as complete-tenths, no scale given",
                   generated(23, 40, 5, 0.0, True), None),
        everything("coarse-ties", "generated: 25 units x 6 raters, integers 0-4 (many ties), seed 5",
                   coarse(5, 25, 6), (0.0, 4.0, 1.0)),
        everything("krippendorff-2011", "Krippendorff (2011), reliability data with missing values",
                   nan_matrix([[1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2],
                               [1, 2, 3, 4], [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5],
                               [None, None, 1, 1], [None, 3, None, None]]), None),
        everything("fleiss-1971", "Fleiss (1971), Table 1: 30 patients, 6 psychiatrists each, diagnoses 1-5",
                   nan_matrix(FLEISS_1971), None),
        everything("siegel-1956", "Siegel (1956) p. 234: 6 applicants ranked by 3 executives",
                   nan_matrix([[1, 1, 6], [6, 5, 3], [3, 6, 2], [2, 4, 5], [5, 2, 4], [4, 3, 1]]), None),
        everything("shrout-fleiss-1979", "Shrout & Fleiss (1979), Table 2: 6 targets x 4 judges",
                   nan_matrix([[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9],
                               [6, 2, 4, 7]]), None),
    ]
    for s in sets:
        with open(os.path.join(OUT, s["name"] + ".json"), "w") as f:
            json.dump(s, f, indent=1, allow_nan=False)
            f.write("\n")
        print(s["name"], json.dumps({k: s[k] for k in ("krippendorff",)})[:400])


if __name__ == "__main__":
    main()
