"""Extraction throughput, size scaling and memory over many synthetic documents.

Run: .venv/bin/python benchmarks/bench_extract.py [--docs N] [--memory-docs N]
Documents are generated from the templates below (news-length, ~1,800 characters, all
8 languages); nothing is read from ../shared.
"""

from __future__ import annotations

import argparse
import random
import time
import tracemalloc

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


def throughput(n: int) -> float:
    rng = random.Random(1)
    docs = [make_doc(rng) for _ in range(n)]
    extract_text(docs[0])  # build automata, load data once
    start = time.perf_counter()
    for d in docs:
        extract_text(d)
    return n / (time.perf_counter() - start)


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


def memory(n: int) -> list[tuple[int, float]]:
    rng = random.Random(3)
    tracemalloc.start()
    marks = []
    for i in range(1, n + 1):
        extract_text(make_doc(rng))
        if i % (n // 5) == 0:
            current, _peak = tracemalloc.get_traced_memory()
            marks.append((i, current / 1e6))
    tracemalloc.stop()
    return marks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--memory-docs", type=int, default=100_000)
    args = ap.parse_args()
    print(f"throughput: {throughput(args.docs):,.0f} docs/s (single process, ~1,800 chars)")
    for size, secs in scaling():
        print(f"size {size:>10,} chars: {secs:8.3f} s  ({size / secs / 1e6:.2f} M chars/s)")
    for i, mb in memory(args.memory_docs):
        print(f"after {i:>7,} docs: {mb:7.2f} MB traced")


if __name__ == "__main__":
    main()
