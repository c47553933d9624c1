"""Reports: a redacted ``ReportModel`` rendered to HTML, PDF, Markdown and JSON.

The access layer builds the ``ReportModel`` (only what the audience may see); everything
here is downstream of it and deterministic: the same model gives the same bytes.
"""
