"""The detectors, each written ONCE as SQL that both DuckDB and Spark SQL run unchanged.

Views every engine provides (see :mod:`sanctionwatch.maritime.engines`):

- ``pos``: the selected good positions (mmsi, t epoch seconds, lat, lon, sog, cog, seg,
  evidence_id), already filtered by time window and bounding box;
- ``stat``: static/voyage records (mmsi, t, imo, name, callsign, ship_type, flag);
- ``shore_grid(gi, gj, shore_nm)``: distance from shore per 0.1° cell;
- ``port_cells(pi, pj, port, plat, plon)``: ports by 0.05° cell (cells within ~12 km);
- ``slot_offsets(k)``: 0..N for resampling; ``cell_offsets(di, dj)``: the 3×3 neighbourhood.

Only the portable subset is used: CTEs, window functions with ROWS/RANGE frames,
``median``, ``asin``/``sqrt``/``sin``/``cos``/``radians``/``pow``, ``floor``/``ceil`` cast
to BIGINT, integer epoch seconds (no timestamp arithmetic).
"""

from __future__ import annotations

from sanctionwatch.maritime.reference import Thresholds


def hav(lat1: str, lon1: str, lat2: str, lon2: str) -> str:
    """Great-circle distance in km between two points (SQL expression)."""
    return (
        f"(2 * 6371.0088 * asin(sqrt(least(1.0, pow(sin(radians({lat2} - {lat1}) / 2), 2)"
        f" + cos(radians({lat1})) * cos(radians({lat2}))"
        f" * pow(sin(radians({lon2} - {lon1}) / 2), 2)))))"
    )


def _cell(expr: str, per_degree: int) -> str:
    return f"CAST(floor({expr} * {per_degree}) AS BIGINT)"


def gaps(th: Thresholds) -> str:
    g = th.gap
    return f"""
WITH p AS (
  SELECT mmsi, t, lat, lon, evidence_id,
    LEAD(t) OVER (PARTITION BY mmsi ORDER BY t, lat, lon) AS t2,
    LEAD(lat) OVER (PARTITION BY mmsi ORDER BY t, lat, lon) AS lat2,
    LEAD(lon) OVER (PARTITION BY mmsi ORDER BY t, lat, lon) AS lon2,
    COUNT(*) OVER (PARTITION BY mmsi ORDER BY t
                   RANGE BETWEEN 43200 PRECEDING AND CURRENT ROW) AS n12
  FROM pos
)
SELECT p.mmsi, p.t AS t_start, p.t2 AS t_end, p.lat, p.lon, p.lat2, p.lon2, p.n12,
       g.shore_nm, p.evidence_id
FROM p LEFT JOIN shore_grid g
  ON g.gi = {_cell('p.lat', 10)} AND g.gj = {_cell('p.lon', 10)}
WHERE p.t2 IS NOT NULL AND p.t2 - p.t >= {int(g.min_hours * 3600)}
"""


def _speeds() -> str:
    """Positions with implied speed from the previous fix of the segment (knots)."""
    return f"""
  SELECT seg, mmsi, t, lat, lon, sog, evidence_id, tp,
    CASE WHEN tp IS NULL OR t = tp THEN NULL
         ELSE {hav('latp', 'lonp', 'lat', 'lon')} / 1.852 / ((t - tp) / 3600.0) END AS v
  FROM (
    SELECT seg, mmsi, t, lat, lon, sog, evidence_id,
      LAG(t) OVER (PARTITION BY seg ORDER BY t, lat, lon) AS tp,
      LAG(lat) OVER (PARTITION BY seg ORDER BY t, lat, lon) AS latp,
      LAG(lon) OVER (PARTITION BY seg ORDER BY t, lat, lon) AS lonp
    FROM pos) q0
"""


def loitering(th: Thresholds) -> str:
    lo = th.loitering
    min_s = int(min([lo.min_hours, *lo.class_min_hours.values()]) * 3600)
    return f"""
WITH s AS ({_speeds()}),
f AS (
  SELECT *, CASE WHEN coalesce(sog, v) < {lo.max_knots} THEN 1 ELSE 0 END AS slow FROM s
),
r AS (
  SELECT *, SUM(1 - slow) OVER (PARTITION BY seg ORDER BY t, lat, lon
                                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS grp
  FROM f
),
runs AS (
  SELECT seg, mmsi, grp, min(tp) AS t_start, max(t) AS t_end, avg(lat) AS lat,
         avg(lon) AS lon, avg(coalesce(sog, v)) AS mean_knots, count(*) AS n,
         min(evidence_id) AS evidence_id
  FROM r WHERE slow = 1 AND tp IS NOT NULL
  GROUP BY seg, mmsi, grp
  HAVING max(t) - min(tp) >= {min_s}
)
SELECT runs.*, g.shore_nm FROM runs JOIN shore_grid g
  ON g.gi = {_cell('runs.lat', 10)} AND g.gj = {_cell('runs.lon', 10)}
WHERE g.shore_nm >= {lo.min_shore_nm}
"""


def port_visits(th: Thresholds) -> str:
    pv = th.port_visit
    return f"""
WITH s AS ({_speeds()}),
n AS (
  SELECT s.*, ROW_NUMBER() OVER (PARTITION BY seg ORDER BY t, lat, lon) AS rn,
         MAX(t) OVER (PARTITION BY seg) AS seg_last
  FROM s
),
z AS (
  SELECT n.*, c.port, {hav('n.lat', 'n.lon', 'c.plat', 'c.plon')} AS d
  FROM n JOIN port_cells c ON c.pi = {_cell('n.lat', 20)} AND c.pj = {_cell('n.lon', 20)}
),
zz AS (
  SELECT z.*, rn - ROW_NUMBER() OVER (PARTITION BY seg, port ORDER BY rn) AS grp
  FROM z WHERE d <= {pv.exit_km}
),
w AS (
  SELECT zz.*,
    MIN(CASE WHEN coalesce(sog, v) < {pv.stop_knots} THEN t END)
      OVER (PARTITION BY seg, port, grp) AS stop_start,
    t - LAG(t) OVER (PARTITION BY seg, port, grp ORDER BY rn) AS dt
  FROM zz
)
SELECT seg, mmsi, port, grp,
  MIN(CASE WHEN d <= {pv.entry_km} THEN t END) AS t_start, MAX(t) AS t_end,
  MIN(d) AS min_km, AVG(lat) AS lat, AVG(lon) AS lon, MAX(seg_last) AS seg_last,
  MIN(stop_start) AS stop_start,
  MIN(CASE WHEN t > stop_start AND coalesce(sog, v) > {pv.resume_knots} THEN t END) AS resume,
  MAX(coalesce(dt, 0)) AS max_gap_s, COUNT(*) AS n, MIN(evidence_id) AS evidence_id
FROM w
GROUP BY seg, mmsi, port, grp
HAVING MIN(d) <= {pv.entry_km}
   AND (MIN(stop_start) IS NOT NULL OR MAX(coalesce(dt, 0)) > {int(pv.port_gap_hours * 3600)})
"""


def encounters(th: Thresholds) -> str:
    e = th.encounter
    step = e.resample_minutes * 60
    per = round(1 / e.cell_degrees)
    merge_slots = int(e.merge_gap_hours * 3600 // step)
    return f"""
WITH p AS (
  SELECT seg, mmsi, t, lat, lon, evidence_id,
    LEAD(t) OVER (PARTITION BY seg ORDER BY t, lat, lon) AS t2,
    LEAD(lat) OVER (PARTITION BY seg ORDER BY t, lat, lon) AS lat2,
    LEAD(lon) OVER (PARTITION BY seg ORDER BY t, lat, lon) AS lon2
  FROM pos
),
pr AS (
  SELECT p.*, CAST(ceil(t / {float(step)}) AS BIGINT) AS s0,
         CAST(ceil(t2 / {float(step)}) AS BIGINT) AS s1,
         {hav('lat', 'lon', 'lat2', 'lon2')} / 1.852 / ((t2 - t) / 3600.0) AS v
  FROM p WHERE t2 IS NOT NULL AND t2 > t AND t2 - t <= {int(e.max_interpolation_hours * 3600)}
),
r AS (
  SELECT seg, mmsi, s0 + o.k AS slot, v, evidence_id,
    lat + (lat2 - lat) * ((s0 + o.k) * {step} - t) / (t2 - t) AS lat,
    lon + (lon2 - lon) * ((s0 + o.k) * {step} - t) / (t2 - t) AS lon
  FROM pr JOIN slot_offsets o ON o.k < pr.s1 - pr.s0
),
a AS (
  SELECT r.*, {_cell('r.lat', per)} AS ci, {_cell('r.lon', per)} AS cj FROM r
),
b AS (
  SELECT a.seg, a.mmsi, a.slot, a.v, a.lat, a.lon, a.evidence_id,
         a.ci + o.di AS ni, a.cj + o.dj AS nj
  FROM a CROSS JOIN cell_offsets o
),
cl AS (
  SELECT x.mmsi AS m1, y.mmsi AS m2, x.slot,
    {hav('x.lat', 'x.lon', 'y.lat', 'y.lon')} AS d, (x.v + y.v) / 2 AS v,
    (x.lat + y.lat) / 2 AS lat, (x.lon + y.lon) / 2 AS lon,
    x.evidence_id AS ev1, y.evidence_id AS ev2
  FROM a x JOIN b y ON x.slot = y.slot AND x.ci = y.ni AND x.cj = y.nj
  WHERE x.mmsi < y.mmsi
    AND {hav('x.lat', 'x.lon', 'y.lat', 'y.lon')} <= {e.max_distance_km}
),
g AS (
  SELECT cl.*, SUM(CASE WHEN brk THEN 1 ELSE 0 END)
      OVER (PARTITION BY m1, m2 ORDER BY slot, d
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS grp
  FROM (SELECT cl.*, coalesce(slot - LAG(slot) OVER (PARTITION BY m1, m2 ORDER BY slot, d)
                              > {merge_slots}, true) AS brk
        FROM cl) cl
),
ev AS (
  SELECT m1, m2, grp, MIN(slot) * {step} AS t_start, MAX(slot) * {step} AS t_end,
    median(d) AS median_km, median(v) AS median_knots, AVG(lat) AS lat, AVG(lon) AS lon,
    COUNT(*) AS n, MIN(ev1) AS ev1, MIN(ev2) AS ev2
  FROM g GROUP BY m1, m2, grp
  HAVING (MAX(slot) - MIN(slot)) * {step} >= {int(e.min_hours * 3600)}
     AND median(v) < {e.max_median_knots}
),
near AS (
  SELECT ev.m1, ev.m2, ev.grp, MIN({hav('ev.lat', 'ev.lon', 'c.plat', 'c.plon')}) AS port_km
  FROM ev JOIN port_cells c ON c.pi = {_cell('ev.lat', 20)} AND c.pj = {_cell('ev.lon', 20)}
  GROUP BY ev.m1, ev.m2, ev.grp
)
SELECT ev.*, near.port_km FROM ev LEFT JOIN near
  ON ev.m1 = near.m1 AND ev.m2 = near.m2 AND ev.grp = near.grp
WHERE near.port_km IS NULL OR near.port_km >= {e.min_port_distance_km}
"""


def segment_overlaps() -> str:
    return """
WITH s AS (
  SELECT mmsi, seg, MIN(t) AS t0, MAX(t) AS t1, COUNT(*) AS n, AVG(lat) AS lat, AVG(lon) AS lon,
         MIN(evidence_id) AS evidence_id
  FROM pos GROUP BY mmsi, seg
)
SELECT a.mmsi, a.seg AS seg_a, b.seg AS seg_b, a.n AS n_a, b.n AS n_b,
  a.lat AS lat_a, a.lon AS lon_a, b.lat AS lat_b, b.lon AS lon_b,
  GREATEST(a.t0, b.t0) AS o0, LEAST(a.t1, b.t1) AS o1, a.evidence_id
FROM s a JOIN s b ON a.mmsi = b.mmsi AND a.seg < b.seg
WHERE LEAST(a.t1, b.t1) > GREATEST(a.t0, b.t0)
"""


def identity_history() -> str:
    return """
SELECT mmsi, imo, name, callsign, ship_type, flag, MIN(t) AS t0, MAX(t) AS t1,
       COUNT(*) AS n, MIN(evidence_id) AS evidence_id
FROM stat GROUP BY mmsi, imo, name, callsign, ship_type, flag
"""
