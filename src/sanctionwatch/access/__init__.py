"""Source protection: member states, users, roles, caveats, redaction, audit.

Every read of evidence, incidents, findings, originators and report content passes
through this package with an acting user.
"""
