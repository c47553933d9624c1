"""Imports every module that defines tables, so that ``Base.metadata`` is complete."""

from __future__ import annotations

from sqlalchemy import MetaData

from sanctionwatch.access import models as access_models  # noqa: F401
from sanctionwatch.findings import models as _findings_models  # noqa: F401
from sanctionwatch.ledger import models as ledger_models  # noqa: F401
from sanctionwatch.lists import models as _lists_models  # noqa: F401
from sanctionwatch.maritime import models as _maritime_models  # noqa: F401
from sanctionwatch.store import models  # noqa: F401
from sanctionwatch.store.base import Base

# Each area that adds tables imports its models module here, and ships its own
# Alembic migration (down_revision "0001_core", its own branch label).


def metadata() -> MetaData:
    return Base.metadata
