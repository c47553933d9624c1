"""Evidence intake: file -> text, language, collection record, ledger entry."""
