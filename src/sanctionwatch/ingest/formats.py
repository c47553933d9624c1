"""Recognise a file's type and turn its bytes into text (plain text, HTML, PDF)."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from sanctionwatch.ingest.errors import IngestError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = "plain text (.txt, .md), HTML (.html, .htm) and PDF (.pdf)"


@dataclass(frozen=True)
class Extracted:
    media_type: str
    text: str


def sniff(name: str, data: bytes) -> str:
    """The media type of ``data``, from its leading bytes and the file name's suffix."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF-") or suffix in PDF_SUFFIXES:
        return "application/pdf"
    if suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        return "text/html"
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text/plain"
    raise IngestError(f"unsupported file type {suffix!r}; supported: {SUPPORTED}")


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; refuse anything else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"undecodable UTF-16 text at byte {exc.start}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"undecodable text: not valid UTF-8 at byte {exc.start} "
            "(convert the file to UTF-8)"
        ) from exc
    if "\x00" in text:
        raise IngestError("binary content (NUL bytes) in a text file")
    return text


def html_to_text(data: bytes) -> str:
    import trafilatura

    markup = decode_text(data)
    if "<" not in markup:
        raise IngestError("not HTML: no markup found")
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    text = trafilatura.extract(
        markup, include_comments=False, include_tables=True
    )
    if not text or not text.strip():
        raise IngestError("HTML without extractable main text (empty or unreadable page)")
    return text


def pdf_to_text(data: bytes) -> str:
    if not data.startswith(b"%PDF-"):
        raise IngestError("corrupt PDF: the file does not start with %PDF-")
    from pdfminer.high_level import extract_text
    from pdfminer.pdfparser import PDFSyntaxError

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        text = extract_text(io.BytesIO(data))
    except (PDFSyntaxError, Exception) as exc:  # pdfminer raises many types on bad input
        raise IngestError(f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    if not text.strip():
        raise IngestError("PDF has no text layer (scanned image?); OCR is not supported")
    return text


def to_text(name: str, data: bytes) -> Extracted:
    media_type = sniff(name, data)
    if media_type == "application/pdf":
        return Extracted(media_type, pdf_to_text(data))
    if media_type == "text/html":
        return Extracted(media_type, html_to_text(data))
    text = decode_text(data)
    if not text.strip():
        raise IngestError("empty text file")
    return Extracted(media_type, text)
