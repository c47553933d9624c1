"""Extraction throughput, size scaling and memory over many synthetic documents.

Run: taskset -c 0 .venv/bin/python benchmarks/bench_extract.py [--docs N] [--memory-docs N]
Documents are generated from the templates below (news-length, ~1,800 characters, all
8 languages). With --real DIR (e.g. ../shared/eval-dev) the texts of DIR/docs/*.txt are
also timed (read at run time, never copied). Throughput is reported per core from CPU
time (time.process_time), which the other jobs on a shared machine disturb less than
wall time; memory is the resident set size read from /proc/self/status (no tracemalloc,
which slows the run by an order of magnitude).
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from sanctionwatch.extract import extract_text

TEMPLATES = {
    "en": ("SEOUL — North Korea has shipped {n:,} containers of artillery shells to Russia, "
           "officials said on {day} March. The shipments allegedly included {m} ballistic "
           "missiles. Analysts said the trade violates UN resolutions. "),
    "de": ("Nordkorea soll rund {n} Soldaten nach Russland geschickt haben, berichtete die "
           "Zeitung. Die Regierung in Seoul sprach von einer weiteren Lieferung von {m} "
           "Raketenwerfern. "),
    "fr": ("La Corée du Nord aurait livré {n} obus à la Russie l'an dernier, selon des "
           "responsables. Pyongyang a démenti ces accusations. "),
    "es": ("Corea del Norte envió {n} soldados a Rusia, según fuentes oficiales, y {m} "
           "misiles balísticos. "),
    "ru": ("КНДР передала России более {n} снарядов, сообщил источник. Пхеньян отрицает "
           "поставки. "),
    "ko": ("북한이 러시아에 포탄 {n}발을 제공한 것으로 보인다고 국가정보원이 밝혔다. "),
    "ja": ("北朝鮮がロシアに弾道ミサイル{m}発を供与したとみられる。"),
    "zh": ("据悉,朝鲜向俄罗斯提供了约{n}名士兵和{m}枚导弹。"),
}
FILLER = {
    "en": "The weather in the capital was mild and markets were calm. ",
    "de": "Das Wetter in der Hauptstadt war mild und die Märkte blieben ruhig. ",
    "fr": "Le temps était doux dans la capitale et les marchés sont restés calmes. ",
    "es": "El tiempo en la capital fue templado y los mercados estuvieron tranquilos. ",
    "ru": "Погода в столице была мягкой, рынки оставались спокойными. ",
    "ko": "수도의 날씨는 온화했고 시장은 조용했다. ",
    "ja": "首都の天気は穏やかで、市場は落ち着いていた。",
    "zh": "首都天气温和,市场保持平静。",
}


def make_doc(rng: random.Random, chars: int = 1800) -> str:
    lang = rng.choice(list(TEMPLATES))
    parts: list[str] = []
    while sum(map(len, parts)) < chars:
        if rng.random() < 0.3:
            parts.append(TEMPLATES[lang].format(n=rng.randint(100, 90000),
                                                m=rng.randint(2, 80), day=rng.randint(1, 28)))
        else:
            parts.append(FILLER[lang])
    return "".join(parts)


def throughput(docs: list[str], rounds: int = 5) -> tuple[float, float]:
    """(docs/s per core from CPU time, docs/s wall) — best of ``rounds`` passes."""
    for d in docs[:50]:
        extract_text(d)  # build the automata of every language, load data once
    best_cpu = best_wall = 0.0
    for _ in range(rounds):
        cpu, wall = time.process_time(), time.perf_counter()
        for d in docs:
            extract_text(d)
        best_cpu = max(best_cpu, len(docs) / (time.process_time() - cpu))
        best_wall = max(best_wall, len(docs) / (time.perf_counter() - wall))
    return best_cpu, best_wall


def real_docs(corpus: Path) -> list[str]:
    """Bodies of CORPUS/docs/*.txt (the header block ends with a line '---')."""
    out = []
    for f in sorted((corpus / "docs").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        out.append(text.split("\n---\n", 1)[-1])
    return out


def rss_mb() -> float:
    """Resident set size of this process (Linux /proc/self/status), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def scaling() -> list[tuple[int, float]]:
    rng = random.Random(2)
    base = make_doc(rng, 2000)
    out = []
    for factor in (1, 10, 100, 1000):
        text = base * factor
        start = time.perf_counter()
        extract_text(text)
        out.append((len(text), time.perf_counter() - start))
    return out


def memory(n: int, steps: int = 10) -> list[tuple[int, float, float]]:
    """(documents done, RSS MB, seconds so far) at ``steps`` points over ``n`` documents
    (a pool of 2,000 generated documents is cycled so generation does not dominate)."""
    rng = random.Random(3)
    pool = [make_doc(rng) for _ in range(2000)]
    marks = [(0, rss_mb(), 0.0)]
    start = time.perf_counter()
    every = max(1, n // steps)
    for i in range(1, n + 1):
        extract_text(pool[i % len(pool)])
        if i % every == 0 or i == n:
            marks.append((i, rss_mb(), time.perf_counter() - start))
    return marks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--memory-docs", type=int, default=100_000)
    ap.add_argument("--real", type=Path, default=None,
                    help="corpus dir with docs/*.txt to time as well (not copied)")
    args = ap.parse_args()
    rng = random.Random(1)
    cpu, wall = throughput([make_doc(rng) for _ in range(args.docs)])
    print(f"synthetic (~1,800 chars, dense): {cpu:,.0f} docs/s per core (CPU), "
          f"{wall:,.0f} wall")
    if args.real is not None:
        docs = real_docs(args.real)
        if docs:
            cpu, wall = throughput(docs * max(1, 1000 // len(docs)))
            avg = sum(map(len, docs)) / len(docs)
            print(f"real texts ({len(docs)} docs, avg {avg:,.0f} chars): {cpu:,.0f} docs/s "
                  f"per core (CPU), {wall:,.0f} wall")
    for size, secs in scaling():
        print(f"size {size:>10,} chars: {secs:8.3f} s  ({size / secs / 1e6:.2f} M chars/s)")
    for i, mb, secs in memory(args.memory_docs):
        print(f"after {i:>7,} docs: RSS {mb:7.1f} MB  ({secs:6.1f} s)")


if __name__ == "__main__":
    main()
