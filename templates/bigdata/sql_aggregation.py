"""Spark SQL aggregation: daily statistics per station from the Parquet the ETL wrote.

Usage (cws-tui):
  cws-tui bigdata submit <app> templates/bigdata/sql_aggregation.py \
    --args s3://my-lab-data/curated/measurements/ --args s3://my-lab-data/reports/daily/ \
    --bucket my-lab-data
"""
import sys

from pyspark.sql import SparkSession

input_path, output_path = sys.argv[1], sys.argv[2]
spark = SparkSession.builder.appName("cws-sql-aggregation").getOrCreate()

spark.read.parquet(input_path).createOrReplaceTempView("measurements")
daily = spark.sql(
    """
    SELECT station, date,
           COUNT(*)          AS readings,
           AVG(value)        AS mean_value,
           MIN(value)        AS min_value,
           MAX(value)        AS max_value
    FROM measurements
    GROUP BY station, date
    ORDER BY station, date
    """
)
daily.write.mode("overwrite").parquet(output_path)
print(f"aggregated {daily.count()} station-days into {output_path}")
spark.stop()
