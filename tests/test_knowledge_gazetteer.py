"""Every extraction data file loads and validates; keys are well-formed; matching works."""

from __future__ import annotations

import csv
from importlib import resources

import pytest
import yaml

from sanctionwatch.knowledge import gazetteer
from sanctionwatch.knowledge.schema import LANGS, CountryFile


def test_all_data_files_validate() -> None:
    gazetteer.load_all()
    for name in gazetteer.DATA_FILES:
        data = yaml.safe_load(resources.files("sanctionwatch.knowledge").joinpath(
            "data", name).read_text(encoding="utf-8"))
        assert data["source"].strip()


def test_country_codes_are_unique_and_iso() -> None:
    codes = [c.iso2 for c in gazetteer.countries().countries]
    assert len(codes) == len(set(codes))
    iso_csv = resources.files("sanctionwatch.knowledge").joinpath("data", "iso3166.csv")
    if iso_csv.is_file():
        rows = list(csv.reader(iso_csv.read_text(encoding="utf-8").splitlines()))
        known = {cell for row in rows for cell in row if len(cell) == 2 and cell.isupper()}
        assert set(codes) <= known | {"XK"}


def test_core_countries_cover_every_language() -> None:
    by_code = {c.iso2: c for c in gazetteer.countries().countries}
    for code in ("KP", "RU", "CN", "KR", "US", "JP"):
        for lang in LANGS:
            assert by_code[code].names.get(lang), f"{code} has no {lang} name"


def test_invalid_file_is_rejected() -> None:
    with pytest.raises(ValueError):
        CountryFile.model_validate({"source": "x", "countries": [{"iso2": "kp1"}]})


@pytest.mark.parametrize(("lang", "text", "code"), [
    ("de", "Lieferungen an Nordkoreas Armee", "KP"),
    ("de", "nordkoreanische Soldaten", "KP"),
    ("de", "in Pjöngjang und Moskau", "RU"),
    ("ru", "поставки Северной Корее", "KP"),
    ("ru", "из Пхеньяна в Москву", "RU"),
    ("fr", "la Corée du Nord", "KP"),
    ("es", "armas norcoreanas", "KP"),
    ("ko", "평양에서", "KP"),
    ("ja", "北朝鮮船籍", "KP"),
    ("zh", "克里姆林宫表示", "RU"),
])
def test_inflected_names_and_metonyms(lang: str, text: str, code: str) -> None:
    found = {m.entry.value for m in gazetteer.for_language(lang).scan(text)
             if m.entry.layer == "country"}
    assert code in found


def test_case_sensitive_key_and_word_boundaries() -> None:
    en = gazetteer.for_language("en")
    assert "US" not in {m.entry.value for m in en.scan("he told us the truth")}
    assert "US" in {m.entry.value for m in en.scan("the US said")}
    # 'russian' must not match inside another word
    assert not [m for m in en.scan("prussianblue") if m.entry.layer == "country"]


def test_every_iso_country_has_an_english_name() -> None:
    """Every ISO 3166-1 code is in the gazetteer with an English key, except Jersey and
    Guernsey (their names are also parts of 'New Jersey' / common nouns)."""
    raw = resources.files("sanctionwatch.knowledge").joinpath(
        "data", "iso3166.csv").read_text(encoding="utf-8")
    codes = {row[0] for row in csv.reader(
        line for line in raw.splitlines() if line and not line.startswith("#"))} - {"code"}
    have = {c.iso2: c for c in gazetteer.countries().countries}
    missing = codes - set(have) - {"JE", "GG"}
    assert not missing, sorted(missing)
    assert all(have[c].names.get("en") for c in codes & set(have)), \
        [c for c in codes & set(have) if not have[c].names.get("en")]
    assert set(have) <= codes | {"XK"}
