import { join } from 'node:path';

/** The example Spark pipeline the big data templates ship: CSV in, Parquet out. */
export const EXAMPLE_SPARK_SCRIPT = join(
  import.meta.dirname,
  '../../../templates/bigdata/etl_csv_to_parquet.py',
);
