import type { DataBrewFormat } from './dataBrewPorts.js';

const BY_EXTENSION: Record<string, DataBrewFormat> = {
  csv: 'CSV',
  tsv: 'CSV',
  json: 'JSON',
  jsonl: 'JSON',
  parquet: 'PARQUET',
  xlsx: 'EXCEL',
  xls: 'EXCEL',
};

/** The dataset format an S3 key's extension names (`.csv.gz` counts as CSV), or undefined. */
export function dataBrewFormatOf(key: string): DataBrewFormat | undefined {
  const name = key.toLowerCase().replace(/\.(gz|bz2|snappy)$/, '');
  const extension = name.slice(name.lastIndexOf('.') + 1);
  return name.includes('.') ? BY_EXTENSION[extension] : undefined;
}
