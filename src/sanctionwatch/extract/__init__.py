"""Text → sanctions incidents, offline, in en/de/fr/es/ru/ko/ja/zh.

The stable entry point is :func:`extract_text`; see docs/extraction.md.
"""

from sanctionwatch.extract.pipeline import extract_text
from sanctionwatch.extract.records import DocDate, ExtractionResult

__all__ = ["DocDate", "ExtractionResult", "extract_text"]
