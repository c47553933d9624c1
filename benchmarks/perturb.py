"""Perturbations and negatives for the screening benchmark (seeded, deterministic).

The generators are written independently of the matcher: Korean spelling variants come
from a table of alternative spellings, Hangul from a small Latin-syllable → Hangul
dictionary, Cyrillic from Russian practical transcription.
"""

from __future__ import annotations

import random
import re

# Alternative spellings seen in passports, South Korean and older media (facts of usage).
FAMILY_VARIANTS = {
    "kim": ["gim"], "ri": ["lee", "yi", "rhee", "li"], "pak": ["park", "bak"],
    "choe": ["choi"], "jong": ["jeong", "chung"], "jang": ["chang"], "han": ["hahn"],
    "o": ["oh"], "so": ["seo", "suh"], "sin": ["shin"], "yun": ["yoon"], "ryu": ["yu", "yoo"],
    "kang": ["gang"], "ko": ["go", "koh"], "mun": ["moon"], "jon": ["jeon", "chun"],
    "hyon": ["hyun"], "paek": ["baek"], "cha": ["tcha"], "chu": ["joo"], "ho": ["heo"],
    "hwang": ["whang"], "jo": ["cho"], "kwon": ["gwon"], "om": ["eom"], "yang": ["ryang"],
}
GIVEN_RULES = [  # (pattern, replacement) applied to given-name syllables: MR/DPRK → RR
    (r"^ch(?=[aeiouwy])", "j"), (r"^k(?=[aeiouwy])", "g"), (r"^t(?=[aeiouwy])", "d"),
    (r"^p(?=[aeiouwy])", "b"), (r"o(?=ng$|l$|k$|n$|m$|p$)", "eo"), (r"^un$", "eun"),
    (r"^ul$", "eul"), (r"^kum$", "geum"), (r"^yo(?=ng$)", "yeo"), (r"^so(?=ng$|k$|n$)", "seo"),
    (r"^thae$", "tae"), (r"^sik$", "shik"), (r"^sin$", "shin"),
]
# Latin syllables (DPRK usage) → Hangul, for the names that can be written with them.
HANGUL = {
    "kim": "김", "ri": "리", "pak": "박", "choe": "최", "jong": "정", "jang": "장", "han": "한",
    "o": "오", "so": "서", "sin": "신", "yun": "윤", "ryu": "류", "kang": "강", "ko": "고",
    "mun": "문", "jon": "전", "hyon": "현", "paek": "백", "cha": "차", "chu": "주", "ho": "호",
    "hwang": "황", "jo": "조", "kwon": "권", "un": "은", "il": "일", "chol": "철", "song": "성",
    "nam": "남", "yong": "영", "su": "수", "sik": "식", "hyok": "혁", "chun": "춘",
    "myong": "명", "kwang": "광", "gil": "길", "kil": "길", "man": "만", "to": "도", "u": "우",
    "won": "원", "hak": "학", "chang": "창", "ryong": "룡", "sok": "석", "tok": "덕",
    "hui": "희", "thae": "태", "hun": "훈", "hong": "홍", "yo": "여", "sun": "순", "mu": "무",
    "dok": "덕", "jin": "진", "kyong": "경", "chon": "천", "pyong": "병", "ung": "웅",
    "sang": "상", "min": "민", "gwang": "광", "tong": "동", "dong": "동", "hae": "해",
    "jun": "준", "ju": "주", "kun": "근", "sam": "삼", "pong": "봉", "kuk": "국", "rim": "림",
    "ryang": "량", "yang": "양", "chil": "칠", "yon": "연", "hyong": "형", "kyu": "규",
}
CYR_DIGRAPHS = [("shch", "щ"), ("ch", "ч"), ("sh", "ш"), ("kh", "х"), ("ts", "ц"), ("zh", "ж"),
                ("yo", "ё"), ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("eo", "о"), ("eu", "ы")]
CYR = dict(zip("abcdefghijklmnopqrstuvwxyz",
               ["а", "б", "к", "д", "е", "ф", "г", "х", "и", "дж", "к", "л", "м", "н", "о", "п",
                "к", "р", "с", "т", "у", "в", "в", "кс", "й", "з"], strict=True))
GLYPHS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і",
          "A": "А", "B": "В", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
          "C": "С", "T": "Т", "X": "Х", "Y": "Υ", "I": "І", "N": "Ν", "J": "Ј", "S": "Ѕ"}
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
KEYBOARD = "qwertyuiopasdfghjklzxcvbnm"


def words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", name) if w]


def case(name: str, rng: random.Random) -> str:
    return rng.choice([name.lower(), name.title(), name.swapcase(),
                       "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in name)])


def punctuation(name: str, rng: random.Random) -> str | None:
    w = words(name)
    if len(w) < 2:
        return None
    style = rng.randrange(3)
    if style == 0:
        return w[0] + ", " + " ".join(w[1:])
    if style == 1:
        return w[0] + " " + "-".join(w[1:])
    return ". ".join(w) + "."


def spacing(name: str, rng: random.Random) -> str | None:
    w = words(name)
    if len(w) < 2:
        return None
    i = rng.randrange(len(w) - 1)
    return " ".join(w[:i] + [w[i] + w[i + 1]] + w[i + 2:])


def order(name: str, rng: random.Random) -> str | None:
    w = words(name)
    if len(w) < 2:
        return None
    return " ".join(w[1:] + w[:1])  # family name last (Western order)


def token_drop(name: str, rng: random.Random) -> str | None:
    """Drop one word of a 3+ word name; not a syllable of a Korean personal name, which
    would make it the name of another person (KIM YONG CHOL → KIM YONG)."""
    w = words(name)
    if len(w) < 3 or w[0].lower() in FAMILY_VARIANTS:
        return None
    i = rng.randrange(1, len(w))
    return " ".join(w[:i] + w[i + 1:])


def romanisation(name: str, rng: random.Random) -> str | None:
    w = [x.lower() for x in re.split(r"[\s\-]+", name) if x]
    if not w or w[0] not in FAMILY_VARIANTS:
        return None
    out = [rng.choice(FAMILY_VARIANTS[w[0]])]
    for syl in w[1:]:
        for pat, rep in GIVEN_RULES:
            if rng.random() < 0.7:
                syl = re.sub(pat, rep, syl)
        out.append(syl)
    if len(out) == 3 and rng.random() < 0.5:  # RR writes given names joined or hyphenated
        out = [out[0], out[1] + rng.choice(["-", ""]) + out[2]]
    result = " ".join(x.title() for x in out)
    return None if result.lower() == name.lower() else result


def hangul(name: str, rng: random.Random) -> str | None:
    w = [x.lower() for x in re.split(r"[\s\-]+", name) if x]
    if len(w) < 2 or w[0] not in FAMILY_VARIANTS or not all(x in HANGUL for x in w):
        return None
    syl = [HANGUL[x] for x in w]
    return "".join(syl) if rng.random() < 0.6 else syl[0] + " " + "".join(syl[1:])


def cyrillic(name: str, rng: random.Random) -> str | None:
    out = []
    for word in words(name.lower()):
        word = re.sub(r"[^a-z0-9]", "", word)
        if word.endswith("ng"):
            word = word[:-2] + "n"
        for a, b in CYR_DIGRAPHS:
            word = word.replace(a, b)
        out.append("".join(CYR.get(ch, ch) for ch in word).capitalize())
    return " ".join(out) if out else None


def homoglyphs(name: str, rng: random.Random) -> str | None:
    positions = [i for i, ch in enumerate(name) if ch in GLYPHS]
    if not positions:
        return None
    chars = list(name)
    for i in rng.sample(positions, min(len(positions), rng.randint(1, 3))):
        chars[i] = GLYPHS[chars[i]]
    pos = rng.randrange(1, len(chars))
    chars.insert(pos, rng.choice(INVISIBLE))
    return "".join(chars)


def typo(name: str, rng: random.Random) -> str | None:
    w = words(name)
    longish = [i for i, x in enumerate(w) if len(x) >= 4 and x.isalpha()]
    if not longish:
        return None
    i = rng.choice(longish)
    word = list(w[i])
    j = rng.randrange(1, len(word))
    kind = rng.randrange(4)
    if kind == 0:
        word[j] = rng.choice(KEYBOARD).upper() if word[j].isupper() else rng.choice(KEYBOARD)
    elif kind == 1:
        del word[j]
    elif kind == 2 and j < len(word) - 1:
        word[j], word[j + 1] = word[j + 1], word[j]
    else:
        word.insert(j, word[j])
    w[i] = "".join(word)
    out = " ".join(w)
    return None if out == name else out


# Words that never say which organisation is meant: legal forms, function words and
# places. Written for the benchmark on its own (the matcher keeps its own tables); with the
# words that five or more listed organisations share (trading, shipping, bank, general,
# development...), they decide whether a token drop left a name that still names a party.
BENCH_GENERIC = frozenset({
    "co", "company", "corp", "corporation", "ltd", "limited", "inc", "llc", "plc", "jsc",
    "the", "of", "and", "for", "in",
    "korea", "korean", "dprk", "pyongyang", "china", "hong", "kong", "hongkong",
    "singapore", "russia", "syria", "iran", "north", "south", "east", "west", "shanghai",
    "beijing", "dalian", "dandong", "shenyang", "vladivostok", "moscow", "nampho",
})
SHARED_BY = 5


def drop_kind(remainder: str, target: str, name_words: dict[str, list[frozenset[str]]],
              freq: dict[str, int]) -> str:
    """Classify a token-drop query by what its remaining words still say.

    ``token_drop``: a distinctive word is left and only the target's names contain the
    remaining distinctive words — the target should be the top match.
    ``token_drop_ambiguous``: the remaining distinctive words fit several listed parties
    (KOREA DAESONG: the bank and the trading corporation) — the target should be among
    the alerts, but which is first is a guess.
    ``token_drop_generic``: only legal-form, sector and place words are left (KOREA
    TRADING COMPANY): the query names no party, so any alert is a false alert.
    """
    left = {w.strip(".,()&").lower() for w in words(remainder)} - {""}
    content = {w for w in left if w not in BENCH_GENERIC and freq.get(w, 0) < SHARED_BY}
    if not content:
        return "token_drop_generic"
    fits = [pid for pid, sets in name_words.items() if any(content <= ws for ws in sets)]
    return "token_drop" if fits == [target] or len(fits) < 2 else "token_drop_ambiguous"


POSITIVE_CLASSES = {
    "case": case, "punctuation": punctuation, "spacing": spacing, "order": order,
    "token_drop": token_drop, "romanisation": romanisation, "hangul": hangul,
    "cyrillic": cyrillic, "homoglyphs": homoglyphs, "typos": typo,
}

# Real people and organisations that are not on the UN list (public figures, firms).
OTHER_REAL = [
    "Moon Jae-in", "Yoon Suk Yeol", "Lee Jae-myung", "Park Geun-hye", "Lee Myung-bak",
    "Roh Moo-hyun", "Kim Dae-jung", "Ban Ki-moon", "Han Duck-soo", "Chung Eui-yong",
    "Kang Kyung-wha", "Park Jin", "Cho Tae-yong", "Choo Kyung-ho", "Lee Jong-sup",
    "Son Heung-min", "Kim Yuna", "Park Ji-sung", "Bong Joon-ho", "Lee Kun-hee",
    "Chung Ju-yung", "Koo Kwang-mo", "Shin Dong-bin", "Kim Seung-youn", "Hyun Jeong-eun",
    "Angela Merkel", "Emmanuel Macron", "Olaf Scholz", "Antonio Guterres", "Joe Biden",
    "Xi Jinping", "Li Qiang", "Wang Yi", "Fumio Kishida", "Shinzo Abe", "Narendra Modi",
    "Jacinda Ardern", "Justin Trudeau", "Sergei Lavrov", "Vladimir Putin",
    "Samsung Electronics", "Hyundai Merchant Marine", "Korea Shipbuilding and Offshore",
    "Pan Ocean", "HMM Company Limited", "Korea Electric Power Corporation", "POSCO Holdings",
    "LG Chem", "SK Hynix", "Kia Corporation", "Daewoo Shipbuilding", "Hanjin Shipping",
    "Maersk Line", "Mediterranean Shipping Company", "COSCO Shipping Lines",
    "Evergreen Marine", "Nippon Yusen Kaisha", "China Merchants Group", "Sinopec",
    "Rosneft", "Gazprom Neft", "Shell Trading", "Vitol", "Glencore", "Trafigura",
    "Bank of Korea", "Industrial Bank of Korea", "Korea Development Bank",
    "Bank of China", "Deutsche Bank", "Standard Chartered", "Korea Trade-Investment Promotion",
    "Korea Mine Rehabilitation and Mineral Resources", "Seoul National University",
    "Pyongyang University of Science and Technology", "Air China", "Korean Air Lines",
    "Asiana Airlines", "Korea Gas Corporation", "Hanwha Ocean", "Doosan Enerbility",
    "Kim Kyung-soo", "Park Won-soon", "Choi Soon-sil", "Jung Kook", "Kim Nam-joon",
]
ORG_SWAPS = ["Pacific", "Golden", "Star", "Silver", "Northern", "Eastern", "Orient",
             "Global", "United", "Royal", "Sunrise", "Harbour", "Summit", "Liberty"]
FAMILY_POOL = ["kim", "ri", "pak", "choe", "jong", "kang", "jang", "han", "o", "so", "yun",
               "ko", "mun", "jon", "hyon", "paek", "hwang", "jo", "kwon", "song"]
GIVEN_POOL = ["chol", "il", "song", "nam", "yong", "su", "sik", "hyok", "chun", "myong",
              "kwang", "man", "won", "hak", "chang", "ryong", "sok", "tok", "hui", "hun",
              "sun", "jin", "kyong", "pyong", "ung", "sang", "min", "tong", "hae", "jun"]


def near_miss(name: str, schema: str, rng: random.Random,
              freq: dict[str, int] | None = None) -> str | None:
    """Another party in the same frame: a person with another family name, or an
    organisation whose most distinctive word (the rarest on the list) is replaced."""
    w = words(name)
    if schema == "Person":
        if len(w) < 2 or w[0].lower() not in FAMILY_VARIANTS:
            return None
        other = rng.choice([f for f in FAMILY_POOL if f != w[0].lower()])
        return " ".join([other.upper(), *w[1:]])
    freq = freq or {}
    candidates = [i for i, x in enumerate(w) if len(x) >= 4 and x.isalpha()]
    if not candidates:
        return None
    i = min(candidates, key=lambda k: (freq.get(w[k].lower(), 0), k))
    w[i] = rng.choice(ORG_SWAPS).upper()
    return " ".join(w)


def same_family(name: str, rng: random.Random) -> str | None:
    w = words(name)
    if len(w) < 2 or w[0].lower() not in FAMILY_VARIANTS:
        return None
    given = [rng.choice(GIVEN_POOL) for _ in range(max(1, len(w) - 1))]
    return " ".join([w[0], *given]).upper()
