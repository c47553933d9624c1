"""The tamper-evident ledger: an append-only Merkle log after RFC 6962."""
