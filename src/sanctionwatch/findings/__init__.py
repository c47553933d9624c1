"""Findings: corroboration of incidents, grading, estimative language, analyst workflow.

Pure logic (``periods``, ``cues``, ``duplicates``, ``corroborate``, ``grading``,
``estimative``) takes typed records and does no I/O; ``workflow`` writes the tables in
``models`` and ledgers every action.
"""
