"""Maritime monitoring: AIS intake and cleaning, Parquet storage, detectors on DuckDB/Spark."""
