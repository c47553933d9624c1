"""The detectors, each written ONCE as SQL that both DuckDB and Spark SQL run unchanged.

Views every engine provides (see :mod:`sanctionwatch.maritime.engines`):

- ``pos``: the selected good positions (mmsi, t epoch seconds, lat, lon, sog, cog, seg,
  evidence_id), already filtered by time window and bounding box;
- ``stat``: static/voyage records (mmsi, t, imo, name, callsign, ship_type, flag);
- ``shore_grid(gi, gj, shore_nm)``: distance from shore per 0.1° cell;
- ``port_cells(pi, pj, port, plat, plon)``: ports by 0.05° cell (cells within ~12 km);
- ``cell_offsets(di, dj)``: self and the four "forward" neighbours of a cell (every
  unordered pair of neighbouring cells is met exactly once).

The positions are binned ONCE, at ingest (``storage.bin_table``: per file, sums so that
files combine), and exposed as the ``bins`` view when the selection allows
(``Selection.bin_where``); :func:`prepared` adds them up per (segment, 10-minute bin) — or,
without bins, reduces ``pos`` itself — to count, first/last time, mean position, mean
reported speed, which the engine materialises (``track``), then adds, in one sort per
segment, what the detectors share (``moves``): the speed (reported, else implied by the
previous bin's mean position), the next bin's first time, the row number and the
segment's last time. Every detector runs on ``moves``, ten times fewer rows than
positions at one fix a minute.
Segment ids are ``mmsi * 100 + rank`` (see ``clean.segment``). Which evidence items an
event rests on is looked up afterwards (:func:`evidence_lookup`) for the few vessels and
periods of the events only.

Only the portable subset is used: CTEs, window functions with ROWS/RANGE frames,
``median``, ``max_by``/``min_by``, ``asin``/``sqrt``/``sin``/``cos``/``radians``/``pow``,
``floor``/``ceil`` cast to BIGINT, integer epoch seconds (no timestamp arithmetic).
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


def bin_seconds(th: Thresholds) -> int:
    return int(th.encounter.resample_minutes * 60)


def prepared(th: Thresholds, from_bins: bool = False) -> list[tuple[str, str]]:
    """Relations the engine materialises, in order, before running detectors.

    ``from_bins``: reduce the ``bins`` view (per-file (segment, bin) sums written at
    ingest, see ``storage.bin_table``) instead of scanning every position in ``pos``."""
    step = bin_seconds(th)
    if from_bins:
        track = """
SELECT seg, bin, SUM(n) AS n, MIN(t0) AS t0, MAX(t1) AS t1, SUM(slat) / SUM(n) AS lat,
  SUM(slon) / SUM(n) AS lon, CASE WHEN SUM(nsog) > 0 THEN SUM(ssog) / SUM(nsog) END AS sog
FROM bins GROUP BY seg, bin
"""
    else:
        track = f"""
SELECT seg, CAST(floor(t / {step}) AS BIGINT) AS bin,
  COUNT(*) AS n, MIN(t) AS t0, MAX(t) AS t1, SUM(lat) / COUNT(*) AS lat,
  SUM(lon) / COUNT(*) AS lon, CASE WHEN COUNT(sog) > 0 THEN SUM(sog) / COUNT(sog) END AS sog
FROM pos GROUP BY seg, CAST(floor(t / {step}) AS BIGINT)
"""
    moves = f"""
SELECT seg, CAST(floor(seg / 100) AS BIGINT) AS mmsi, bin, n, t0, t1, lat, lon, rn, t_next,
  seg_last,
  coalesce(sog, CASE WHEN tp IS NULL OR tm <= tp THEN NULL
       ELSE {hav('latp', 'lonp', 'lat', 'lon')} / 1.852 / ((tm - tp) / 3600.0) END) AS v
FROM (
  SELECT track.*, (t0 + t1) / 2.0 AS tm,
    LAG((t0 + t1) / 2.0) OVER (PARTITION BY seg ORDER BY bin) AS tp,
    LAG(lat) OVER (PARTITION BY seg ORDER BY bin) AS latp,
    LAG(lon) OVER (PARTITION BY seg ORDER BY bin) AS lonp,
    LEAD(t0) OVER (PARTITION BY seg ORDER BY bin) AS t_next,
    ROW_NUMBER() OVER (PARTITION BY seg ORDER BY bin) AS rn,
    MAX(t1) OVER (PARTITION BY seg) AS seg_last
  FROM track) w
"""
    return [("track", track), ("moves", moves)]


def gaps(th: Thresholds) -> str:
    """Silences per MMSI (across its segments): the bin before, the bin after, the count."""
    g = th.gap
    step = bin_seconds(th)
    back = max(0, int(43200 // step) - 1)  # whole bins of the 12 h before the last fix
    min_s = int(g.min_hours * 3600)
    return f"""
WITH multi AS (SELECT mmsi FROM moves GROUP BY mmsi HAVING MIN(seg) < MAX(seg)),
c AS (
  SELECT mmsi, seg, bin, t1, lat, lon FROM moves
  WHERE t_next - t1 >= {min_s} OR (t_next IS NULL AND mmsi IN (SELECT mmsi FROM multi))
),
j AS (
  SELECT c.mmsi, c.seg, c.bin, c.t1, c.lat, c.lon,
    MIN(CASE WHEN m.t1 > c.t1 THEN m.t0 END) AS t2,
    SUM(CASE WHEN m.bin >= c.bin - {back} AND m.t1 <= c.t1 THEN m.n ELSE 0 END) AS n12
  FROM c JOIN moves m ON m.mmsi = c.mmsi
  GROUP BY c.mmsi, c.seg, c.bin, c.t1, c.lat, c.lon
),
k AS (
  SELECT j.mmsi, j.t1, j.t2, j.lat, j.lon, j.n12, min_by(m.lat, m.seg) AS lat2,
         min_by(m.lon, m.seg) AS lon2
  FROM j JOIN moves m ON m.mmsi = j.mmsi AND m.t0 = j.t2
  WHERE j.t2 - j.t1 >= {min_s}
  GROUP BY j.mmsi, j.t1, j.t2, j.lat, j.lon, j.n12
)
SELECT k.mmsi, k.t1 AS t_start, k.t2 AS t_end, k.lat, k.lon, k.lat2, k.lon2, k.n12,
       g.shore_nm
FROM k LEFT JOIN shore_grid g
  ON g.gi = {_cell('k.lat', 10)} AND g.gj = {_cell('k.lon', 10)}
"""


def loitering(th: Thresholds) -> str:
    lo = th.loitering
    min_s = int(min([lo.min_hours, *lo.class_min_hours.values()]) * 3600)
    return f"""
WITH slow AS (
  SELECT moves.*, rn - ROW_NUMBER() OVER (PARTITION BY seg ORDER BY rn) AS grp
  FROM moves WHERE v < {lo.max_knots}
),
runs AS (
  SELECT seg, mmsi, grp, MIN(t0) AS t_start, MAX(t1) AS t_end,
         SUM(lat * n) / SUM(n) AS lat, SUM(lon * n) / SUM(n) AS lon,
         SUM(v * n) / SUM(n) AS mean_knots, SUM(n) AS n
  FROM slow GROUP BY seg, mmsi, grp
  HAVING MAX(t1) - MIN(t0) >= {min_s}
)
SELECT runs.*, g.shore_nm FROM runs JOIN shore_grid g
  ON g.gi = {_cell('runs.lat', 10)} AND g.gj = {_cell('runs.lon', 10)}
WHERE g.shore_nm >= {lo.min_shore_nm}
"""


def port_visits(th: Thresholds) -> str:
    pv = th.port_visit
    return f"""
WITH z AS (
  SELECT m.*, c.port, {hav('m.lat', 'm.lon', 'c.plat', 'c.plon')} AS d
  FROM moves m JOIN port_cells c ON c.pi = {_cell('m.lat', 20)} AND c.pj = {_cell('m.lon', 20)}
),
zz AS (
  SELECT z.*, rn - ROW_NUMBER() OVER (PARTITION BY seg, port ORDER BY rn) AS grp
  FROM z WHERE d <= {pv.exit_km}
),
w AS (
  SELECT zz.*,
    MIN(CASE WHEN v < {pv.stop_knots} THEN t0 END) OVER (PARTITION BY seg, port, grp)
      AS stop_start,
    t0 - LAG(t1) OVER (PARTITION BY seg, port, grp ORDER BY rn) AS dt
  FROM zz
)
SELECT seg, mmsi, port, grp,
  MIN(CASE WHEN d <= {pv.entry_km} THEN t0 END) AS t_start, MAX(t1) AS t_end,
  MIN(d) AS min_km, SUM(lat * n) / SUM(n) AS lat, SUM(lon * n) / SUM(n) AS lon,
  MAX(seg_last) AS seg_last, MIN(stop_start) AS stop_start,
  MIN(CASE WHEN t0 > stop_start AND v > {pv.resume_knots} THEN t0 END) AS resume,
  MAX(coalesce(dt, 0)) AS max_gap_s, SUM(n) AS n
FROM w
GROUP BY seg, mmsi, port, grp
HAVING MIN(d) <= {pv.entry_km}
   AND (MIN(stop_start) IS NOT NULL OR MAX(coalesce(dt, 0)) > {int(pv.port_gap_hours * 3600)})
"""


def encounters(th: Thresholds) -> str:
    e = th.encounter
    step = bin_seconds(th)
    per = round(1 / e.cell_degrees)
    merge_slots = int(e.merge_gap_hours * 3600 // step)
    return f"""
WITH a AS (
  SELECT mmsi, bin AS slot, v, lat, lon, {_cell('lat', per)} AS ci, {_cell('lon', per)} AS cj
  FROM moves
),
b AS (
  SELECT a.mmsi, a.slot, a.v, a.lat, a.lon, a.ci + o.di AS ni, a.cj + o.dj AS nj,
         o.di = 0 AND o.dj = 0 AS same
  FROM a CROSS JOIN cell_offsets o
),
cl AS (
  SELECT LEAST(x.mmsi, y.mmsi) AS m1, GREATEST(x.mmsi, y.mmsi) AS m2, x.slot,
    {hav('x.lat', 'x.lon', 'y.lat', 'y.lon')} AS d, (x.v + y.v) / 2 AS v,
    (x.lat + y.lat) / 2 AS lat, (x.lon + y.lon) / 2 AS lon
  FROM a x JOIN b y ON x.slot = y.slot AND x.ci = y.ni AND x.cj = y.nj
  WHERE (x.mmsi < y.mmsi OR (NOT y.same AND x.mmsi > y.mmsi))
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
  SELECT m1, m2, grp, MIN(slot) * {step} AS t_start, (MAX(slot) + 1) * {step} AS t_end,
    median(d) AS median_km, median(v) AS median_knots, AVG(lat) AS lat, AVG(lon) AS lon,
    COUNT(*) AS n
  FROM g GROUP BY m1, m2, grp
  HAVING (MAX(slot) + 1 - MIN(slot)) * {step} >= {int(e.min_hours * 3600)}
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
  SELECT mmsi, seg, MIN(t0) AS t0, MAX(t1) AS t1, SUM(n) AS n,
         SUM(lat * n) / SUM(n) AS lat, SUM(lon * n) / SUM(n) AS lon
  FROM moves GROUP BY mmsi, seg
)
SELECT a.mmsi, a.seg AS seg_a, b.seg AS seg_b, a.n AS n_a, b.n AS n_b,
  a.lat AS lat_a, a.lon AS lon_a, b.lat AS lat_b, b.lon AS lon_b,
  GREATEST(a.t0, b.t0) AS o0, LEAST(a.t1, b.t1) AS o1
FROM s a JOIN s b ON a.mmsi = b.mmsi AND a.seg < b.seg
WHERE LEAST(a.t1, b.t1) > GREATEST(a.t0, b.t0)
"""


def identity_history() -> str:
    return """
SELECT mmsi, imo, name, callsign, ship_type, flag, MIN(t) AS t0, MAX(t) AS t1,
       COUNT(*) AS n, MIN(evidence_id) AS evidence_id
FROM stat GROUP BY mmsi, imo, name, callsign, ship_type, flag
"""


def evidence_lookup() -> str:
    """Evidence items of the positions of each (key, mmsi, t0, t1) row of ``look``."""
    return """
SELECT look.k, pos.evidence_id FROM look JOIN pos
  ON pos.mmsi = look.mmsi AND pos.t >= look.t0 AND pos.t <= look.t1
GROUP BY look.k, pos.evidence_id
"""
