"""Signed checkpoints: (log, size, root, time) co-signed with Ed25519 by member states.

A checkpoint file is JSON::

    {"checkpoint": {"format": "sanctionwatch-checkpoint/1", "log": ..., "size": N,
                    "root": "<hex>", "time": "YYYY-MM-DDTHH:MM:SSZ"},
     "signatures": [{"key_id": "KR", "alg": "Ed25519", "sig": "<base64>"}, ...]}

Every signature is over the same bytes: the canonical JSON of ``checkpoint``. A key is
named by its key id (e.g. a member state's ISO code): ``<ID>.key`` holds the private key
(PKCS#8 PEM), ``<ID>.pub`` the public key (SubjectPublicKeyInfo PEM).
"""

from __future__ import annotations

import base64
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy.orm import Session

from sanctionwatch.ledger.append import append
from sanctionwatch.ledger.canonical import canonical_json
from sanctionwatch.ledger.log import log_origin, log_size, root_at

CHECKPOINT_FORMAT = "sanctionwatch-checkpoint/1"
ALG = "Ed25519"
KEY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class CheckpointError(ValueError):
    """A key or checkpoint file cannot be used (the message names the problem)."""


def check_key_id(key_id: str) -> str:
    if not KEY_ID.match(key_id):
        raise CheckpointError(
            f"key id {key_id!r} must be 1-64 letters, digits, '.', '_' or '-' (e.g. KR)"
        )
    return key_id


def keygen(key_id: str, out_dir: Path) -> tuple[Path, Path]:
    """Write ``<key_id>.key`` (private, mode 0600) and ``<key_id>.pub`` into ``out_dir``."""
    check_key_id(key_id)
    out_dir.mkdir(parents=True, exist_ok=True)
    priv_path, pub_path = out_dir / f"{key_id}.key", out_dir / f"{key_id}.pub"
    for p in (priv_path, pub_path):
        if p.exists():
            raise CheckpointError(f"{p} already exists; refusing to overwrite a key")
    key = Ed25519PrivateKey.generate()
    priv_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    pub_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fd = os.open(priv_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(priv_pem)
    pub_path.write_bytes(pub_pem)
    return priv_path, pub_path


def load_private_key(path: Path) -> tuple[str, Ed25519PrivateKey]:
    """(key id, key) from ``<key_id>.key``."""
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as exc:
        raise CheckpointError(f"cannot read key file {path}: {exc.strerror or exc}") from exc
    except (ValueError, TypeError) as exc:
        raise CheckpointError(f"{path} is not an unencrypted PEM private key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise CheckpointError(f"{path} is not an Ed25519 key")
    return check_key_id(path.stem), key


def load_public_keys(key_dir: Path) -> dict[str, Ed25519PublicKey]:
    """Every ``<key_id>.pub`` in ``key_dir``."""
    if not key_dir.is_dir():
        raise CheckpointError(f"key directory {key_dir} does not exist")
    keys: dict[str, Ed25519PublicKey] = {}
    for p in sorted(key_dir.glob("*.pub")):
        try:
            key = serialization.load_pem_public_key(p.read_bytes())
        except ValueError as exc:
            raise CheckpointError(f"{p} is not a PEM public key") from exc
        if not isinstance(key, Ed25519PublicKey):
            raise CheckpointError(f"{p} is not an Ed25519 public key")
        keys[p.stem] = key
    return keys


def signed_bytes(body: dict[str, Any]) -> bytes:
    """What every signer signs: the canonical JSON of the checkpoint body."""
    return canonical_json(body)


def new_checkpoint(session: Session, *, origin: str | None = None,
                   at: datetime | None = None) -> dict[str, Any]:
    """An unsigned checkpoint of the log as it is now."""
    size, root = root_at(session)
    if size == 0:
        raise CheckpointError("the ledger is empty; nothing to checkpoint")
    when = (at or datetime.now(UTC)).astimezone(UTC)
    body = {
        "format": CHECKPOINT_FORMAT,
        "log": origin or log_origin(session),
        "size": size,
        "root": root.hex(),
        "time": when.strftime(TIME_FORMAT),
    }
    return {"checkpoint": body, "signatures": []}


def parse_checkpoint(data: Any) -> dict[str, Any]:
    """Validate the structure of a checkpoint object; returns it."""
    if not isinstance(data, dict) or not isinstance(data.get("checkpoint"), dict):
        raise CheckpointError("a checkpoint file must be an object with a 'checkpoint' object")
    body = data["checkpoint"]
    if body.get("format") != CHECKPOINT_FORMAT:
        raise CheckpointError(f"unknown checkpoint format {body.get('format')!r}")
    size = body.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 1:
        raise CheckpointError("checkpoint size must be a positive integer")
    root = body.get("root")
    if not isinstance(root, str) or not re.fullmatch(r"[0-9a-f]{64}", root):
        raise CheckpointError("checkpoint root must be 64 lower-case hex digits")
    for key in ("log", "time"):
        if not isinstance(body.get(key), str):
            raise CheckpointError(f"checkpoint {key} must be a string")
    sigs = data.get("signatures")
    if not isinstance(sigs, list) or not all(isinstance(s, dict) for s in sigs):
        raise CheckpointError("signatures must be a list of objects")
    return data


def add_signature(session: Session, cp: dict[str, Any], key_id: str,
                  key: Ed25519PrivateKey) -> dict[str, Any]:
    """Co-sign ``cp`` (after checking it matches the log) and record it in the ledger."""
    parse_checkpoint(cp)
    problems = check_against_log(session, cp)
    if problems:
        raise CheckpointError("; ".join(problems))
    if any(s.get("key_id") == key_id for s in cp["signatures"]):
        raise CheckpointError(f"the checkpoint is already signed by {key_id}")
    sig = base64.b64encode(key.sign(signed_bytes(cp["checkpoint"]))).decode("ascii")
    body = cp["checkpoint"]
    append(
        session, "ledger.checkpoint",
        {"size": body["size"], "root": body["root"], "time": body["time"],
         "log": body["log"], "key_id": key_id, "sig": sig},
        subject=f"checkpoint:{body['size']}",
    )
    return {"checkpoint": body, "signatures": [*cp["signatures"],
                                               {"key_id": key_id, "alg": ALG, "sig": sig}]}


def check_against_log(session: Session, cp: dict[str, Any]) -> list[str]:
    """Problems with ``cp`` relative to this workspace's log (empty when it matches)."""
    body = cp["checkpoint"]
    size = int(body["size"])
    current = log_size(session)
    if size > current:
        return [f"checkpoint size {size} is beyond the log (it has {current} entries)"]
    problems = []
    if body["log"] != log_origin(session):
        problems.append(f"checkpoint is for log {body['log']}, this is {log_origin(session)}")
    _, root = root_at(session, size)
    if root.hex() != body["root"]:
        problems.append(f"checkpoint root differs from the log's root at size {size}")
    return problems


@dataclass
class CheckpointReport:
    size: int
    root: str
    valid_signers: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.valid_signers)


def verify_signatures(cp: dict[str, Any], keys: dict[str, Ed25519PublicKey]) -> CheckpointReport:
    """Check every signature of ``cp`` against the public keys by key id."""
    parse_checkpoint(cp)
    body = cp["checkpoint"]
    report = CheckpointReport(size=body["size"], root=body["root"])
    message = signed_bytes(body)
    if not cp["signatures"]:
        report.problems.append("the checkpoint has no signatures")
    seen: set[str] = set()
    for i, s in enumerate(cp["signatures"]):
        key_id = s.get("key_id")
        where = f"signature {i} ({key_id})"
        if s.get("alg") != ALG:
            report.problems.append(f"{where}: unsupported algorithm {s.get('alg')!r}")
            continue
        if not isinstance(key_id, str) or key_id not in keys:
            report.problems.append(f"{where}: no public key {key_id}.pub in the key directory")
            continue
        if key_id in seen:
            report.problems.append(f"{where}: {key_id} signed twice")
            continue
        try:
            keys[key_id].verify(base64.b64decode(str(s.get("sig")), validate=True), message)
        except (InvalidSignature, ValueError):
            report.problems.append(f"{where}: signature does not verify")
            continue
        seen.add(key_id)
        report.valid_signers.append(key_id)
    return report


def read_checkpoint(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CheckpointError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise CheckpointError(f"{path} is not valid JSON: {exc}") from exc
    return parse_checkpoint(data)


def write_checkpoint(path: Path, cp: dict[str, Any]) -> None:
    """Write atomically (temp file + rename): a reader never sees half a checkpoint."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-checkpoint-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(cp, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
