"""Storage: database engine and sessions, models, migrations, content-addressed blobs."""
