"""PySpark ETL: read CSV files from S3, clean them, write partitioned Parquet.

Usage (cws-tui):
  cws-tui bigdata submit <app> templates/bigdata/etl_csv_to_parquet.py \
    --args s3://my-lab-data/raw/measurements/ --args s3://my-lab-data/curated/measurements/ \
    --bucket my-lab-data
"""
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

if len(sys.argv) != 3:
    print("usage: etl_csv_to_parquet.py <input s3 prefix> <output s3 prefix>")
    sys.exit(2)

input_path, output_path = sys.argv[1], sys.argv[2]
spark = SparkSession.builder.appName("cws-etl-csv-to-parquet").getOrCreate()

raw = spark.read.option("header", "true").option("inferSchema", "true").csv(input_path)
print(f"read {raw.count()} rows from {input_path}")

clean = (
    raw.dropDuplicates()
    .na.drop(subset=["station", "observed_at"])
    .withColumn("observed_at", F.to_timestamp("observed_at"))
    .withColumn("date", F.to_date("observed_at"))
)

clean.write.mode("overwrite").partitionBy("date").parquet(output_path)
print(f"wrote {clean.count()} rows as Parquet to {output_path}")
spark.stop()
