"""An invented, already-redacted report model used by the report tests."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from decimal import Decimal

from sanctionwatch.findings.corroborate import corroborate
from sanctionwatch.findings.records import IncidentInput, SourceItem
from sanctionwatch.report.assemble import counted_label, finding_view, refined_petroleum_cap
from sanctionwatch.report.model import (
    CheckpointView,
    LetterView,
    OpinionView,
    ParagraphRef,
    Place,
    ProofView,
    ReportModel,
    SourceRow,
)

STAMP = datetime(2024, 6, 30, 12, 0, tzinfo=UTC)
WITHHELD = {"d3"}  # the audience may not see this item's originator or text
LABELS = {"d1": "Member State A", "d2": "Member State A", "d3": "Member State B",
          "d4": "Open source 1", "d5": "Open source 2", "d6": "Member State C"}
TEXTS = {
    "d1": "Harbour logs show the tanker Morning Dew discharging diesel at Nampo.",
    "d2": "An imagery analyst saw hoses linking two hulls south of Nampo.",
    "d3": "A confidential customs ledger records fuel shipped without declaration.",
    "d4": "According to Yonhap, the tanker transferred fuel at sea in early spring.",
    "d5": "연합뉴스에 따르면 유조선이 봄에 해상에서 연료를 옮겨 실었다.",
    "d6": "Crates of artillery shells were seen loaded at Rajin for shipment west.",
}


def commitment(eid: str) -> str:
    return hashlib.sha256(f"salt|{eid}".encode()).hexdigest()


def sample_model(audience: str = "public") -> ReportModel:
    items = {e: SourceItem(evidence_id=e, originator_key=LABELS[e], text=t,
                           language="ko" if e == "d5" else "en", reliability="B",
                           credibility=2) for e, t in TEXTS.items()}
    incs = [
        IncidentInput(id="n1", evidence_id="d1", type="petroleum_transfer", from_country="RU",
                      to_country="KP", category="refined petroleum", quantity=90000,
                      unit="barrels", when="2023-03"),
        IncidentInput(id="n2", evidence_id="d2", type="petroleum_transfer", from_country="RU",
                      to_country="KP", category="refined petroleum", quantity=120000,
                      unit="bbl", when="2023-03-12"),
        IncidentInput(id="n3", evidence_id="d3", type="petroleum_transfer", from_country="RU",
                      to_country="KP", category="refined petroleum", quantity=100000,
                      quantity_max=150000, unit="barrels", when="2023-03"),
        IncidentInput(id="n4", evidence_id="d4", type="petroleum_transfer", from_country="RU",
                      to_country="KP", category="refined petroleum", quantity=400000,
                      unit="barrels", when="2023-03"),
        IncidentInput(id="n5", evidence_id="d5", type="petroleum_transfer", from_country="RU",
                      to_country="KP", category="refined petroleum", quantity=410000,
                      unit="barrels", when="2023-03"),
        IncidentInput(id="n6", evidence_id="d6", type="arms_transfer", from_country="KP",
                      to_country="RU", category="artillery ammunition", when="2023-09"),
    ]
    found = corroborate(incs, items)
    ref = {e: f"S{n}" for n, e in enumerate(sorted(TEXTS), 1)}
    views = []
    for a in found:
        rows = []
        for e in a.evidence_ids:
            withheld = e in WITHHELD and audience == "public"
            rows.append(SourceRow(
                ref=ref[e], label="withheld" if withheld else LABELS[e], withheld=withheld,
                commitment=commitment(e) if withheld else None, grade="B2",
                language=items[e].language, date="2023-04-01", counted=counted_label(a, e, ref)))
        pet = a.key.type == "petroleum_transfer"
        views.append(finding_view(
            "F-PET-1" if pet else "F-ARM-1", a,
            status="published" if pet else "confirmed",
            sources=rows, ref=ref,
            paragraphs=[ParagraphRef(resolution="S/RES/2397 (2017)", paragraph="OP5",
                                     verified=True)] if pet else
            [ParagraphRef(resolution="S/RES/1718 (2006)", paragraph="OP8(b)", verified=True)],
            letters=[LetterView(addressee="Russian Federation", sent=date(2024, 4, 2),
                                deadline=date(2024, 5, 2), status="no reply received")],
            opinions=[OpinionView(kind="sign_off", by="Expert 1", text="Agreed."),
                      OpinionView(kind="dissent", by="Expert 2",
                                  text="The volumes rest on press reports.")] if pet else [],
            places=[Place(name="Nampo", lat=38.73, lon=125.4)] if pet else
            [Place(name="Rajin", lat=42.25, lon=130.3)],
        ))
    cited = sorted({s.ref for v in views for s in v.sources})
    proofs = [ProofView.model_validate({
        "ref": r, "leaf_index": n, "tree_size": 40, "leaf_hash": f"{n:064x}",
        "path": [f"{n + 1:064x}", f"{n + 2:064x}"], "root": "ab" * 32,
        "format": "sanctionwatch-inclusion-proof/1"}) for n, r in enumerate(cited)]
    return ReportModel(
        title="Implementation of the DPRK sanctions: findings 2023",
        audience=audience,
        audience_label="PUBLIC" if audience == "public" else "MEMBERS ONLY",
        period="2023", generated_at=STAMP,
        summary=["Two findings on refined petroleum and arms transfers."],
        findings=views, caps=[refined_petroleum_cap(2023, notified=Decimal(150000))],
        checkpoint=CheckpointView.model_validate({
            "size": 40, "root": "ab" * 32, "log": "sanctionwatch:test",
            "time": "2024-06-30T12:00:00Z",
            "signatures": [{"key_id": "member-a", "signature": "c2ln" * 10}]}),
        proofs=proofs)
