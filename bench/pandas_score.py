"""
The work of `spi score` done with pandas and numpy, as a data scientist would write it
(vectorised per component, no per-row Python loops in the hot paths), for the speed
comparison in bench/spi-engine.bench.ts. Not part of the product.

    python bench/pandas_score.py --framework F.json --observations O.csv [--areas A.csv] --out R.json

Steps, as in docs/SPI-METHOD.md and lib/spi: read the CSV; dense area x period x
indicator grid (duplicates are errors); carry forward within the window; transforms;
reference set = (area, period) with a value; per component: complete cases, mean/SD,
oriented correlations, PCA weights (first eigenvector, 0-100 basis), OLS imputation per
missing pattern fitted on complete cases, rescale to 0-100 with clamping, component /
dimension / index scores; ranks per period; diagnostics (Cronbach's alpha, KMO,
first-component share, loadings, coverage, carried/imputed/clamped counts, median/MAD
outliers); direction of travel; strengths and weaknesses against the K nearest areas on
the covariate; population-weighted aggregation to parents (score and indicator
methods); SHA-256 of the inputs; the result JSON in the rows layout.
"""
import argparse
import hashlib
import json
import math
import sys

import numpy as np
import pandas as pd

K_PEERS = 15
TRAVEL_THRESHOLD = 1.0
OUTLIER_THRESHOLD = 3.5


def resolve(fw):
    inds, comps, dims = [], [], []
    for d in fw["dimensions"]:
        dim = {"code": d["code"], "components": []}
        for c in d["components"]:
            k = len(c["indicators"])
            comp = {"code": c["code"], "weighting": c.get("weighting", "equal"), "maxMissing": min(c.get("maxMissing", 1), k - 1), "indicators": [], "dimension": len(dims)}
            for i in c["indicators"]:
                comp["indicators"].append(len(inds))
                inds.append({**i, "transform": i.get("transform", []), "component": len(comps)})
            dim["components"].append(len(comps))
            comps.append(comp)
        dims.append(dim)
    agg = fw.get("aggregation", {})
    return inds, comps, dims, fw.get("clamp", True), fw.get("carryForwardYears", 2), agg.get("dimension", "arithmetic"), agg.get("index", "arithmetic")


def transform(x, steps):
    with np.errstate(invalid="ignore", divide="ignore"):
        for s in steps:
            if "floor" in s:
                x = np.maximum(x, s["floor"])
            elif "cap" in s:
                x = np.minimum(x, s["cap"])
            elif "log" in s:
                x = np.where(x > 0, np.log(np.where(x > 0, x, 1)), np.nan)
            elif "log1p" in s:
                x = np.where(x > -1, np.log1p(np.where(x > -1, x, 0)), np.nan)
            else:
                x = np.abs(s["parity"] - x)
    return x


def combine(cols, agg):
    m = np.column_stack(cols)
    if agg == "arithmetic":
        return m.mean(axis=1)
    p = agg["powerMean"]
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.exp(np.log(m).mean(axis=1)) if p == 0 else np.power(np.power(m, p).mean(axis=1), 1 / p)
    return np.where((m >= 0).all(axis=1), out, np.nan)


class Scorer:
    """Fits (imputation regressions, weights) on the reference set; scores any rows with them."""

    def __init__(self, inds, comps, dims, clamp, dim_agg, index_agg, x_ref):
        self.inds, self.comps, self.dims, self.clamp = inds, comps, dims, clamp
        self.dim_agg, self.index_agg = dim_agg, index_agg
        self.u = np.array([i["utopia"] for i in inds], float)
        self.d = np.array([i["dystopia"] for i in inds], float)
        self.stats, self.weights, self.fits = [], [], []
        for comp in comps:
            idx = comp["indicators"]
            k = len(idx)
            sub = x_ref[:, idx]
            complete = ~np.isnan(sub).any(axis=1)
            cc = sub[complete]
            n = len(cc)
            mean = cc.mean(axis=0) if n else np.full(k, np.nan)
            sd = cc.std(axis=0, ddof=1) if n > 1 else np.full(k, np.nan)
            st = {"complete": complete, "n": n, "mean": mean, "sd": sd, "corr": None, "reason": None}
            if n < 3:
                st["reason"] = f"only {n} complete case(s); correlations need at least 3"
            elif not (sd > 1e-12 * np.maximum(1, np.abs(mean))).all():
                st["reason"] = "an indicator is constant on the complete cases"
            else:
                direction = np.array([inds[i]["direction"] for i in idx], float)
                st["corr"] = np.clip(np.corrcoef(cc * direction, rowvar=False), -1, 1) if k > 1 else np.ones((1, 1))
            self.stats.append(st)
            equal = np.full(k, 1 / k)
            pca = None
            if k > 1 and st["corr"] is not None:
                vals, vecs = np.linalg.eigh(st["corr"])
                order = np.argsort(vals)[::-1]
                vals, e1 = vals[order], vecs[:, order[0]]
                if e1.sum() < 0:
                    e1 = -e1
                if e1.sum() > 1e-9:
                    w = e1 / e1.sum()
                    v = w * np.abs(self.u[idx] - self.d[idx]) / sd
                    pca = {"e1": e1, "eigenvalues": vals, "w": w, "v": v / v.sum()}
            wt = comp["weighting"]
            if wt == "pca" and pca is not None:
                v, mode = pca["v"], "pca"
            elif isinstance(wt, dict):
                v = np.array([wt["fixed"][inds[i]["code"]] for i in idx], float)
                v, mode = v / v.sum(), "fixed"
            else:
                v, mode = equal, "equal"
            self.weights.append({"v": v, "mode": mode, "pca": pca, "fallback": None if (wt != "pca" or pca is not None) else (st["reason"] or "PCA undefined")})
            # OLS fits per missing pattern are made lazily from the complete cases
            self.fits.append({"cc": cc, "cache": {}})

    def impute(self, x, flags):
        """In place on x (rows x indicators); returns per component the status per row (0 = scored)."""
        statuses = []
        for c, comp in enumerate(self.comps):
            idx = np.array(comp["indicators"])
            k = len(idx)
            sub = x[:, idx]
            miss = np.isnan(sub)
            nmiss = miss.sum(axis=1)
            status = np.zeros(len(x), np.int8)
            status[nmiss == k] = 1
            status[(nmiss > comp["maxMissing"]) & (nmiss < k)] = 2
            todo = (nmiss > 0) & (nmiss <= comp["maxMissing"])
            if todo.any():
                patterns, inverse = np.unique(miss[todo], axis=0, return_inverse=True)
                rows = np.flatnonzero(todo)
                cc = self.fits[c]["cc"]
                for p, pattern in enumerate(patterns):
                    r = rows[inverse.ravel() == p]
                    if len(cc) < k + 2:
                        status[r] = 3
                        continue
                    design = np.column_stack([np.ones(len(cc)), cc[:, ~pattern]])
                    if np.linalg.matrix_rank(design) < design.shape[1]:
                        status[r] = 4
                        continue
                    coef, *_ = np.linalg.lstsq(design, cc[:, pattern], rcond=None)
                    pred = np.column_stack([np.ones(len(r)), sub[np.ix_(r, ~pattern)]]) @ coef
                    cols = idx[pattern]
                    x[np.ix_(r, cols)] = pred
                    flags[np.ix_(r, cols)] |= 2
            statuses.append(status)
        return statuses

    def score(self, x, flags, statuses):
        with np.errstate(invalid="ignore"):
            r = 100 * (x - self.d) / (self.u - self.d)
        if self.clamp:
            flags[r > 100] |= 4
            flags[r < 0] |= 8
            r = np.clip(r, 0, 100)
        comps = np.column_stack([np.where(statuses[c] == 0, r[:, comp["indicators"]] @ self.weights[c]["v"], np.nan) for c, comp in enumerate(self.comps)])
        dims = np.column_stack([combine([comps[:, c] for c in d["components"]], self.dim_agg) for d in self.dims])
        index = combine([dims[:, j] for j in range(len(self.dims))], self.index_agg)
        return r, comps, dims, index


REASONS = {1: "no indicator values", 3: "imputation impossible: fewer than {k2} complete cases in the reference set", 4: "imputation impossible: singular regression (collinear indicators)"}


def nan_to_none(a):
    return [None if v != v else v for v in a.tolist()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--framework", required=True)
    ap.add_argument("--observations", required=True)
    ap.add_argument("--areas")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    with open(args.framework) as f:
        fw = json.load(f)
    inds, comps, dims, clamp, window, dim_agg, index_agg = resolve(fw)
    codes = [i["code"] for i in inds]
    n_i = len(inds)

    obs = pd.read_csv(args.observations, usecols=["area_code", "indicator_code", "period", "value"],
                      dtype={"area_code": "category", "indicator_code": "category", "period": "int32", "value": "float64"})
    ind_pos = obs["indicator_code"].cat.categories.get_indexer(codes)
    lookup = np.full(len(obs["indicator_code"].cat.categories), -1)
    lookup[ind_pos[ind_pos >= 0]] = np.flatnonzero(ind_pos >= 0)
    ind = lookup[obs["indicator_code"].cat.codes.to_numpy()]
    obs, ind = obs[ind >= 0], ind[ind >= 0]
    areas_sorted = np.array(sorted(obs["area_code"].cat.categories[np.unique(obs["area_code"].cat.codes.to_numpy())]))
    area = pd.Categorical(obs["area_code"], categories=areas_sorted).codes.astype(np.int64)
    periods, period = np.unique(obs["period"].to_numpy(), return_inverse=True)
    n_a, n_p = len(areas_sorted), len(periods)
    cell = (area * n_p + period) * n_i + ind
    if (np.bincount(cell, minlength=n_a * n_p * n_i) > 1).any():
        sys.exit("duplicate observations")
    raw = np.full(n_a * n_p * n_i, np.nan)
    raw[cell] = obs["value"].to_numpy()
    raw = raw.reshape(n_a, n_p, n_i)

    areas_df = pd.read_csv(args.areas, dtype={"area_code": str, "parent_code": str}) if args.areas else pd.DataFrame(columns=["area_code", "parent_code", "population", "peer_value"])
    h = hashlib.sha256()
    h.update(json.dumps(fw, sort_keys=True, separators=(",", ":")).encode())
    h.update("\n".join(areas_sorted).encode())
    h.update(periods.astype(">i4").tobytes())
    h.update(np.where(np.isnan(raw), np.nan, raw + 0.0).astype(">f8").tobytes())
    h.update(areas_df.to_csv(index=False).encode())

    # 1. carry forward: latest observed value within `window` years
    observed = ~np.isnan(raw)
    pos = np.where(observed, np.arange(n_p)[None, :, None], -1)
    last = np.maximum.accumulate(pos, axis=1)
    prev = np.concatenate([np.full((n_a, 1, n_i), -1), last[:, :-1]], axis=1)
    can = ~observed & (prev >= 0) & (periods[None, :, None] - periods[np.maximum(prev, 0)] <= window) & (window > 0)
    filled = raw.copy()
    filled[can] = np.take_along_axis(raw, np.maximum(prev, 0), axis=1)[can]
    flags3 = np.where(can, 1, 0).astype(np.uint8)

    # 2. transform
    x_all = filled.reshape(n_a * n_p, n_i).copy()
    flags_all = flags3.reshape(n_a * n_p, n_i)
    dropped = np.zeros(n_i, int)
    for i, indicator in enumerate(inds):
        if indicator["transform"]:
            before = ~np.isnan(x_all[:, i])
            x_all[:, i] = transform(x_all[:, i], indicator["transform"])
            bad = before & np.isnan(x_all[:, i])
            dropped[i] = bad.sum()
            flags_all[bad, i] = 0
    keep = ~np.isnan(x_all).all(axis=1)
    x, flags = x_all[keep].copy(), flags_all[keep].copy()
    row_area, row_period = np.divmod(np.flatnonzero(keep), n_p)
    x_before = x.copy()

    # 3-7. fits, imputation, scores
    scorer = Scorer(inds, comps, dims, clamp, dim_agg, index_agg, x)
    statuses = scorer.impute(x, flags)
    r, comp_s, dim_s, index_s = scorer.score(x, flags, statuses)

    frame = pd.DataFrame({"period": row_period})
    rank = lambda col: frame.assign(v=col).groupby("period")["v"].rank(method="min", ascending=False).to_numpy()
    rank_index = rank(index_s)
    rank_dims = [rank(dim_s[:, j]) for j in range(len(dims))]
    rank_comps = [rank(comp_s[:, c]) for c in range(len(comps))]

    # reasons for null scores
    reasons = [dict() for _ in range(len(x))]
    for row in np.flatnonzero(np.isnan(index_s)):
        rs = reasons[row]
        for i in np.flatnonzero(np.isnan(r[row])):
            rs[f"indicators.{codes[i]}"] = "no value"
        for c, comp in enumerate(comps):
            st = statuses[c][row]
            if st == 2:
                rs[f"components.{comp['code']}"] = f"{int(np.isnan(x[row, comp['indicators']]).sum())} of {len(comp['indicators'])} indicators missing (maxMissing {comp['maxMissing']})"
            elif st:
                rs[f"components.{comp['code']}"] = REASONS[st].format(k2=len(comp["indicators"]) + 2)
        for j, d in enumerate(dims):
            if np.isnan(dim_s[row, j]):
                rs[f"dimensions.{d['code']}"] = "component(s) not computable: " + ", ".join(comps[c]["code"] for c in d["components"] if np.isnan(comp_s[row, c]))
        rs["index"] = "dimension(s) not computable: " + ", ".join(d["code"] for j, d in enumerate(dims) if np.isnan(dim_s[row, j]))

    flag_names = ["carried", "imputed", "clampedUtopia", "clampedDystopia"]
    flag_sets = [[n for b, n in enumerate(flag_names) if f & (1 << b)] for f in range(16)]
    dim_codes, comp_codes = [d["code"] for d in dims], [c["code"] for c in comps]
    score_rows = []
    r_l, c_l, d_l = r.tolist(), comp_s.tolist(), dim_s.tolist()
    fl = flags.tolist()
    clean = lambda v: None if v != v else v
    for row in range(len(x)):
        score_rows.append({
            "area": areas_sorted[row_area[row]], "period": int(periods[row_period[row]]), "index": clean(index_s[row]),
            "dimensions": {c: clean(v) for c, v in zip(dim_codes, d_l[row])},
            "components": {c: clean(v) for c, v in zip(comp_codes, c_l[row])},
            "indicators": {c: clean(v) for c, v in zip(codes, r_l[row])},
            "flags": {c: flag_sets[f] for c, f in zip(codes, fl[row]) if f},
            "reasons": reasons[row],
            "ranks": {"index": clean(rank_index[row]), "dimensions": {c: clean(rank_dims[j][row]) for j, c in enumerate(dim_codes)}, "components": {c: clean(rank_comps[j][row]) for j, c in enumerate(comp_codes)}},
        })

    # diagnostics
    comp_diag = []
    for c, comp in enumerate(comps):
        st, w, k = scorer.stats[c], scorer.weights[c], len(comp["indicators"])
        alpha = kmo = None
        if st["corr"] is not None and k > 1:
            corr = st["corr"]
            off = corr[~np.eye(k, dtype=bool)]
            rbar = off.mean()
            alpha = k * rbar / (1 + (k - 1) * rbar)
            inv = np.linalg.inv(corr)
            partial = inv / np.sqrt(np.outer(np.diag(inv), np.diag(inv)))
            kmo = (off ** 2).sum() / ((off ** 2).sum() + (partial[~np.eye(k, dtype=bool)] ** 2).sum())
        pca = w["pca"]
        cc = [codes[i] for i in comp["indicators"]]
        zw = w["v"] * st["sd"] / np.abs(scorer.u[comp["indicators"]] - scorer.d[comp["indicators"]])
        comp_diag.append({
            "code": comp["code"], "weighting": w["mode"], "weightingFallback": w["fallback"], "completeCases": int(st["n"]),
            "scoredRows": int((statuses[c] == 0).sum()), "cronbachAlpha": alpha, "kmo": kmo,
            "firstComponentShare": float(pca["eigenvalues"][0] / k) if pca else None,
            "eigenvalues": pca["eigenvalues"].tolist() if pca else None,
            "loadings": dict(zip(cc, (pca["e1"] * math.sqrt(max(0, pca["eigenvalues"][0]))).tolist())) if pca else None,
            "nonPositiveLoadings": [cc[j] for j in range(k) if pca and pca["e1"][j] <= 0],
            "weights": dict(zip(cc, w["v"].tolist())), "zBasisWeights": dict(zip(cc, (zw / zw.sum()).tolist())),
            "pcaWeights": dict(zip(cc, pca["v"].tolist())) if pca else None,
            "mean": dict(zip(cc, st["mean"].tolist())), "sd": dict(zip(cc, st["sd"].tolist())), "notes": [],
        })
    ind_diag = []
    for i, indicator in enumerate(inds):
        f = flags[:, i]
        obs_mask = ((f & 3) == 0) & ~np.isnan(x_before[:, i])
        v = x_before[obs_mask, i]
        med = np.median(v) if len(v) else np.nan
        mad = np.median(np.abs(v - med)) if len(v) else np.nan
        scale = mad / 0.6745 if mad > 0 else (np.mean(np.abs(v - med)) / 0.7979 if len(v) else 0)
        z = (v - med) / scale if scale > 0 else np.zeros(0)
        out_rows = np.flatnonzero(obs_mask)[np.abs(z) > OUTLIER_THRESHOLD] if scale > 0 else np.zeros(0, int)
        zz = z[np.abs(z) > OUTLIER_THRESHOLD] if scale > 0 else np.zeros(0)
        top = np.lexsort((out_rows, -np.abs(zz)))[:10]
        ind_diag.append({
            "code": indicator["code"], "component": comps[indicator["component"]]["code"], "rows": len(x), "observed": int(obs_mask.sum()),
            "coverage": float(obs_mask.mean()), "carried": int(((f & 1) > 0).sum()), "imputed": int(((f & 3) == 2).sum()),
            "missing": int(np.isnan(r[:, i]).sum()), "clampedUtopia": int(((f & 4) > 0).sum()), "clampedDystopia": int(((f & 8) > 0).sum()),
            "transformDropped": int(dropped[i]),
            "outliers": {"threshold": OUTLIER_THRESHOLD, "count": len(out_rows), "examples": [
                {"area": areas_sorted[row_area[out_rows[t]]], "period": int(periods[row_period[out_rows[t]]]), "value": float(x_before[out_rows[t], i]), "modifiedZ": float(zz[t])} for t in top]},
        })

    # direction of travel: per area, every series over its periods (area x period arrays)
    series = [("index", None, index_s)] + [("dimensions", c, dim_s[:, j]) for j, c in enumerate(dim_codes)] + \
             [("components", c, comp_s[:, j]) for j, c in enumerate(comp_codes)] + [("indicators", c, r[:, j]) for j, c in enumerate(codes)]
    years = periods.astype(float)
    travel_cols = {}
    for level, code, vals in series:
        grid = np.full((n_a, n_p), np.nan)
        grid[row_area, row_period] = vals
        ok = ~np.isnan(grid)
        n = ok.sum(axis=1)
        yv = np.where(ok, years[None, :], np.nan)
        mx, my = np.nanmean(yv, axis=1), np.nanmean(grid, axis=1)
        slope = np.nansum((yv - mx[:, None]) * (grid - my[:, None]), axis=1) / np.nansum((yv - mx[:, None]) ** 2, axis=1)
        idx_last = np.where(ok, np.arange(n_p), -1).max(axis=1)
        masked = np.where(ok & (np.arange(n_p)[None, :] < idx_last[:, None]), np.arange(n_p), -1)
        idx_prev = masked.max(axis=1)
        take = lambda ix: np.take_along_axis(grid, np.maximum(ix, 0)[:, None], axis=1)[:, 0]
        change = take(idx_last) - take(idx_prev)
        travel_cols[(level, code)] = (n, years[np.maximum(idx_prev, 0)], years[np.maximum(idx_last, 0)], change, slope)
    rows_per_area = np.bincount(row_area, minlength=n_a)
    travel = []
    status_of = lambda ch: "stable" if abs(ch) < TRAVEL_THRESHOLD else ("improving" if ch > 0 else "worsening")
    for a in np.flatnonzero(rows_per_area >= 2):
        def entry(level, code):
            n, fr, to, ch, sl = travel_cols[(level, code)]
            return None if n[a] < 2 else {"from": int(fr[a]), "to": int(to[a]), "change": float(ch[a]), "slope": float(sl[a]), "periods": int(n[a]), "status": status_of(ch[a])}
        travel.append({"area": areas_sorted[a], "index": entry("index", None), "dimensions": {c: entry("dimensions", c) for c in dim_codes},
                       "components": {c: entry("components", c) for c in comp_codes}, "indicators": {c: entry("indicators", c) for c in codes}})

    # strengths and weaknesses in the latest period, against the K nearest on the covariate
    latest = row_period == n_p - 1
    p_rows = np.flatnonzero(latest)
    p_areas = areas_sorted[row_area[p_rows]]
    cov_src = areas_df.set_index("area_code")["peer_value"] if "peer_value" in areas_df else pd.Series(dtype=float)
    cov = cov_src.reindex(p_areas).to_numpy(float)
    has = ~np.isnan(cov)
    cand = np.flatnonzero(has)
    order = cand[np.lexsort((p_areas[cand], cov[cand]))]
    sorted_cov = cov[order]
    m = len(order)
    values = np.column_stack([v[p_rows] for _, _, v in series])
    cards = []
    peer_sets = np.zeros((m, min(K_PEERS, max(m - 1, 0))), int)
    for pos in range(m):
        lo, hi, chosen = pos - 1, pos + 1, []
        while len(chosen) < K_PEERS and (lo >= 0 or hi < m):
            dl = sorted_cov[pos] - sorted_cov[lo] if lo >= 0 else math.inf
            dh = sorted_cov[hi] - sorted_cov[pos] if hi < m else math.inf
            if dl <= dh:
                chosen.append(lo)
                lo -= 1
            else:
                chosen.append(hi)
                hi += 1
        peer_sets[pos] = order[chosen]
    peer_vals = values[peer_sets]  # positions x K x series
    med = np.nanmedian(peer_vals, axis=1)
    aad = np.nanmean(np.abs(peer_vals - med[:, None, :]), axis=1)
    mine = values[order]
    names = [(lvl if lvl == "index" else lvl[:-1], code or "index") for lvl, code, _ in series]
    card_of = {}
    for pos in range(m):
        j = order[pos]
        strong = np.flatnonzero(mine[pos] > med[pos] + aad[pos])
        weak = np.flatnonzero(mine[pos] < med[pos] - aad[pos])
        item = lambda s: {"level": names[s][0], "code": names[s][1], "value": float(mine[pos, s]), "peerMedian": float(med[pos, s]), "peerAad": float(aad[pos, s])}
        card_of[j] = {"area": p_areas[j], "period": int(periods[-1]), "peerBasis": "covariate", "peers": sorted(p_areas[peer_sets[pos]].tolist()),
                      "strengths": [item(s) for s in strong], "weaknesses": [item(s) for s in weak]}
    for j in range(len(p_rows)):
        cards.append(card_of.get(j) or {"area": p_areas[j], "period": int(periods[-1]), "peerBasis": "covariate", "peers": [], "strengths": [], "weaknesses": [], "note": "no peer value for this area"})

    # aggregation to parents (population-weighted): scores, and indicators re-scored
    aggregates = []
    if "parent_code" in areas_df and len(areas_df):
        members = areas_df.dropna(subset=["parent_code"]).set_index("area_code").reindex(areas_sorted).dropna(subset=["parent_code"])
        parent_of = members["parent_code"].reindex(areas_sorted).to_numpy()
        pop = members["population"].reindex(areas_sorted).to_numpy(float)
        in_parent = pd.notna(parent_of)
        parents, parent_idx = np.unique(parent_of[in_parent].astype(str), return_inverse=True)
        area_parent = np.full(n_a, -1)
        area_parent[in_parent] = parent_idx
        n_par = len(parents)
        member_count = np.bincount(parent_idx, minlength=n_par)
        total_pop = np.bincount(parent_idx, weights=pop[in_parent], minlength=n_par)
        rp = area_parent[row_area]
        sel = rp >= 0
        key = rp[sel] * n_p + row_period[sel]
        w = pop[row_area[sel]]
        all_scores = np.column_stack([dim_s, comp_s, r, index_s])
        sums = np.zeros((n_par * n_p, all_scores.shape[1]))
        have = np.zeros((n_par * n_p, all_scores.shape[1]))
        np.add.at(sums, key, np.nan_to_num(all_scores[sel]) * w[:, None])
        np.add.at(have, key, ~np.isnan(all_scores[sel]))
        present = np.bincount(key, minlength=n_par * n_p) > 0
        means = np.where(have == member_count.repeat(n_p)[:, None], sums / total_pop.repeat(n_p)[:, None], np.nan)
        # indicator method: population-weighted mean of carried raw values over members with a value
        raw_rows = filled.reshape(n_a * n_p, n_i)
        area_of_cell = np.repeat(np.arange(n_a), n_p)
        csel = area_parent[area_of_cell] >= 0
        ckey = area_parent[area_of_cell[csel]] * n_p + np.tile(np.arange(n_p), n_a)[csel]
        cw = pop[area_of_cell[csel]]
        vals = raw_rows[csel]
        num = np.zeros((n_par * n_p, n_i))
        den = np.zeros((n_par * n_p, n_i))
        np.add.at(num, ckey, np.nan_to_num(vals) * cw[:, None])
        np.add.at(den, ckey, ~np.isnan(vals) * cw[:, None])
        with np.errstate(invalid="ignore", divide="ignore"):
            x_par = np.where(den > 0, num / den, np.nan)[present]
        for i, indicator in enumerate(inds):
            if indicator["transform"]:
                x_par[:, i] = transform(x_par[:, i], indicator["transform"])
        f_par = np.zeros(x_par.shape, np.uint8)
        st_par = scorer.impute(x_par, f_par)
        r_par, c_par, d_par, i_par = scorer.score(x_par, f_par, st_par)
        cells = np.flatnonzero(present)
        nd, nc = len(dims), len(comps)
        keys = [f"dimensions.{c}" for c in dim_codes] + [f"components.{c}" for c in comp_codes] + [f"indicators.{c}" for c in codes] + ["index"]
        lacking = member_count.repeat(n_p)[:, None] - have
        for method, block in (("score", means[cells]), ("indicator", np.column_stack([d_par, c_par, r_par, i_par]))):
            for q, cell_id in enumerate(cells):
                par, p = divmod(cell_id, n_p)
                row = block[q]
                if method == "score":
                    why = {keys[s]: f"{int(lacking[cell_id, s])} of {member_count[par]} member areas lack this score" for s in np.flatnonzero(lacking[cell_id] > 0)}
                else:
                    why = {f"indicators.{codes[i]}": "no member has a value" for i in np.flatnonzero(np.isnan(r_par[q]))}
                aggregates.append({"method": method, "area": parents[par], "period": int(periods[p]), "members": int(member_count[par]), "population": float(total_pop[par]),
                                   "index": clean(row[-1]), "dimensions": dict(zip(dim_codes, nan_to_none(row[:nd]))),
                                   "components": dict(zip(comp_codes, nan_to_none(row[nd:nd + nc]))), "indicators": dict(zip(codes, nan_to_none(row[nd + nc:-1]))), "reasons": why})

    result = {
        "engineVersion": "pandas-comparison", "frameworkId": fw["id"], "frameworkEdition": fw["edition"], "inputHash": h.hexdigest(),
        "options": {"travelThreshold": TRAVEL_THRESHOLD, "peers": {"k": K_PEERS, "period": None}, "outlierThreshold": OUTLIER_THRESHOLD, "aggregate": True, "uncertainty": None},
        "periods": periods.tolist(), "areas": areas_sorted.tolist(),
        "weights": {comp["code"]: dict(zip([codes[i] for i in comp["indicators"]], scorer.weights[c]["v"].tolist())) for c, comp in enumerate(comps)},
        "scores": score_rows, "diagnostics": {"components": comp_diag, "indicators": ind_diag}, "travel": travel,
        "strengthsWeaknesses": cards, "aggregates": aggregates, "uncertainty": None, "problems": [],
    }
    # json.dumps, not json.dump: only the one-shot form uses the C encoder
    with open(args.out, "w") as f:
        f.write(json.dumps(result, separators=(",", ":"), allow_nan=False))
        f.write("\n")


if __name__ == "__main__":
    main()
