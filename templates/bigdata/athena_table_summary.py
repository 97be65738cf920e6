"""Spark over an Athena table: summarise the Parquet data behind it, per partition.

An Athena table is a schema over files in S3 (its LOCATION: `cws-tui athena query "SHOW CREATE
TABLE lab.measurements"` prints it). This job reads those files directly, so the job role needs
only the data bucket, not the Glue catalog, and writes a per-date summary Athena can query in turn.

Usage (cws-tui):
  cws-tui bigdata submit <app> templates/bigdata/athena_table_summary.py \
    --args s3://my-lab-data/athena/measurements/ --args s3://my-lab-data/reports/summary/ \
    --bucket my-lab-data
"""
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

if len(sys.argv) != 3:
    print("usage: athena_table_summary.py <table location s3 prefix> <output s3 prefix>")
    sys.exit(2)

input_path, output_path = sys.argv[1], sys.argv[2]
spark = SparkSession.builder.appName("cws-athena-table-summary").getOrCreate()

# Partition folders (date=2026-12-01/) become a column, as Athena sees them.
table = spark.read.option("basePath", input_path).parquet(input_path)
print(f"read {table.count()} rows of the table at {input_path}")

summary = table.groupBy("date").agg(
    F.count("*").alias("rows"),
    F.countDistinct("station").alias("stations"),
    F.min("value").alias("min_value"),
    F.max("value").alias("max_value"),
)
summary.write.mode("overwrite").parquet(output_path)
print(f"wrote {summary.count()} daily summaries to {output_path}")
spark.stop()
