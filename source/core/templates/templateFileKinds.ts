import type { TemplateFile, TemplateInlineFile, TemplateS3File } from './templateSchema.js';

/** A `files:` entry that names an S3 object rather than carrying its content. */
export function isS3File(file: TemplateFile): file is TemplateS3File {
  return 's3_bucket' in file;
}

export function isInlineFile(file: TemplateFile): file is TemplateInlineFile {
  return !isS3File(file);
}

/** Where a file lands on the workstation: what inheritance merges files by. */
export function filePathOf(file: TemplateFile): string {
  return isS3File(file) ? file.destination_path : file.path;
}
