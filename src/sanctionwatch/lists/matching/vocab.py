"""Word tables for organisation names: legal forms, generic words and their other scripts.

An organisation name identifies a party by its *distinctive* words (RYONBONG, HEUNGJIN,
DAESONG); legal forms (Co, Ltd) and generic industry and place words (Trading, Bank,
Korea, General) are shared by many parties and say little about which one is meant.
Russian renderings of English words (Трейдинг, Корпорейшн) and Korean ones (무역, 회사)
are read as the English word, so a Cyrillic or Hangul query lines up with the list's
English name. The tables are facts of usage written for this project.
"""

from __future__ import annotations

# Legal forms and function words: they never say which party is meant.
FORMAL_WORDS = frozenset({
    "co", "company", "ltd", "limited", "corp", "corporation", "inc", "incorporated", "llc",
    "plc", "jsc", "ojsc", "cjsc", "oao", "zao", "ooo", "ao", "pao", "gmbh", "sa", "ag", "bv",
    "llp", "pte", "pty", "sdn", "bhd", "srl", "fze", "fzco", "fzc", "lp",
    "the", "of", "and", "for", "de", "al", "el", "in",
})
# Light words count a quarter of their length: legal forms plus the commonest sector words.
LIGHT_WORDS = FORMAL_WORDS | {"trading", "group", "general"}

# Industry, institutional and place words: many parties share them.
SECTOR_WORDS = frozenset({
    # activity and institution
    "bank", "banking", "trade", "jv", "technical", "trader", "traders", "import", "export",
    "imports", "exports",
    "shipping", "ship", "ships", "marine", "maritime", "ocean", "sea", "navigation",
    "transport", "transportation", "logistics", "lines", "line", "freight", "tanker",
    "industry", "industries", "industrial", "enterprise", "enterprises", "holding",
    "holdings", "international", "global", "national", "joint", "venture", "development",
    "investment", "investments", "finance", "financial", "credit", "insurance", "capital",
    "technology", "technologies", "tech", "engineering", "equipment", "machinery",
    "machine", "electronics", "electronic", "mining", "minerals", "mineral", "metal",
    "metals", "steel", "energy", "oil", "petroleum", "gas", "chemical", "chemicals",
    "construction", "management", "services", "service", "supply", "resources", "materials",
    "commercial", "commerce", "economic", "cooperation", "association", "federation",
    "union", "committee", "bureau", "department", "ministry", "office", "agency",
    "administration", "academy", "institute", "university", "center", "centre", "complex",
    "factory", "works", "branch", "representative", "partners", "associates", "affiliates",
    "bros", "brothers", "unlimited", "first", "second", "third", "no", "number", "new",
    "united", "republic", "democratic", "people", "peoples", "state", "foreign",
})
# Places name where a party works, not which party it is: the least telling words.
PLACE_WORDS = frozenset({
    "korea", "korean", "dprk", "rok", "chosun", "choson", "joson", "pyongyang", "china",
    "chinese", "hong", "kong", "hongkong", "macau", "macao", "singapore", "russia",
    "russian", "syria", "syrian", "iran", "iranian", "north", "south", "east", "west",
    "eastern", "western", "northern", "southern", "asia", "asian", "pacific", "orient",
    "oriental", "europe", "european", "africa", "african", "middle", "far", "dandong",
    "shenyang", "dalian", "beijing", "shanghai", "vladivostok", "nampho", "nampo",
})

# Russian words and Russian renderings of English words used in company names.
CYRILLIC_WORDS: dict[str, str] = {
    "компани": "company", "кампани": "company", "компания": "company",
    "компании": "company", "кампания": "company",
    "корпорейшн": "corporation", "корпорэйшн": "corporation", "корпорация": "corporation",
    "корпорации": "corporation", "корп": "corp",
    "трейдинг": "trading", "трэйдинг": "trading", "торговая": "trading",
    "торговый": "trading", "торговое": "trading", "трейд": "trade", "торговля": "trade",
    "лимитед": "limited", "лимитэд": "limited", "лтд": "ltd",
    "банк": "bank", "бэнк": "bank", "банка": "bank",
    "групп": "group", "груп": "group", "группа": "group",
    "холдинг": "holding", "холдингс": "holdings", "холдинги": "holdings",
    "интернешнл": "international", "интернэшнл": "international",
    "интернейшнл": "international", "интернационал": "international",
    "международная": "international", "международный": "international",
    "дженерал": "general", "джэнерал": "general", "генерал": "general",
    "нэшнл": "national", "нешнл": "national", "национальный": "national",
    "национальная": "national",
    "шиппинг": "shipping", "судоходная": "shipping", "судоходный": "shipping",
    "марин": "marine", "мэрин": "marine", "морская": "marine", "морской": "marine",
    "оушен": "ocean", "оушн": "ocean", "океан": "ocean",
    "энтерпрайз": "enterprise", "энтерпрайзес": "enterprises", "предприятие": "enterprise",
    "индастри": "industry", "индастриз": "industries", "индастрис": "industries",
    "промышленный": "industrial", "промышленная": "industrial",
    "девелопмент": "development", "развития": "development",
    "инвестмент": "investment", "инвестментс": "investments",
    "текнолоджи": "technology", "технолоджи": "technology", "текнолоджис": "technologies",
    "технологии": "technology", "технология": "technology",
    "энерджи": "energy", "энергия": "energy",
    "электроникс": "electronics", "электроника": "electronics",
    "менеджмент": "management", "управление": "management",
    "сервис": "service", "сервисез": "services", "сервисиз": "services",
    "сервисес": "services", "услуги": "services",
    "эквипмент": "equipment", "оборудование": "equipment",
    "майнинг": "mining", "горнодобывающая": "mining",
    "файненс": "finance", "файнэнс": "finance", "финанс": "finance", "финансы": "finance",
    "кредит": "credit", "кредитный": "credit",
    "импорт": "import", "экспорт": "export",
    "корея": "korea", "кореа": "korea", "кореи": "korea", "корейская": "korean",
    "корейский": "korean", "кориа": "korea",
    "академия": "academy", "академи": "academy", "министерство": "ministry",
    "бюро": "bureau", "комитет": "committee", "департамент": "department",
    "институт": "institute", "университет": "university", "центр": "center",
    "сентр": "center", "комплекс": "complex", "ассоциация": "association",
    "юнайтед": "united", "глобал": "global", "пасифик": "pacific", "ориент": "orient",
    "истерн": "eastern", "ист": "east", "вест": "west", "норт": "north", "саут": "south",
    "гонконг": "hongkong", "сингапур": "singapore", "китай": "china",
}

# Korean words of organisation names, read as the English word of the list's names.
HANGUL_WORDS: dict[str, list[str]] = {
    "무역": ["trading"], "회사": ["company"], "총회사": ["general", "corporation"],
    "무역회사": ["trading", "company"], "은행": ["bank"], "조선": ["korea"],
    "상사": ["trading"], "공사": ["corporation"], "그룹": ["group"], "해운": ["shipping"],
    "총국": ["general", "bureau"], "련합": ["association"], "연합": ["association"],
    "국제": ["international"], "합영": ["joint", "venture"], "합작": ["joint", "venture"],
    "기술": ["technology"], "개발": ["development"], "공업": ["industry"],
    "광업": ["mining"], "공장": ["factory"], "기업소": ["enterprise"],
}
# Longest first: a Hangul word is split at these from its end (조선광선은행 → …, bank).
HANGUL_SUFFIXES = sorted(HANGUL_WORDS, key=len, reverse=True)


GENERIC_WORDS = SECTOR_WORDS | PLACE_WORDS


def is_generic(word: str) -> bool:
    """A legal-form, industry or place word (in any script, once read in Latin letters)."""
    return word in LIGHT_WORDS or word in GENERIC_WORDS
