import type { UserDataSection } from './UserData.js';

/** The script does not fit EC2's 16 KB of user data even gzip-compressed. */
export class UserDataTooLargeError extends Error {
  readonly bytes: number;
  readonly compressedBytes: number;
  readonly limit: number;
  readonly largestSections: UserDataSection[];

  constructor(bytes: number, compressedBytes: number, limit: number, sections: UserDataSection[]) {
    const largest = [...sections].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
    super(
      `the boot script is ${bytes} bytes (${compressedBytes} gzip-compressed), over EC2's ${limit}-byte user data limit; largest parts: ${largest
        .map((section) => `${section.name} ${section.bytes} B`)
        .join(', ')}`,
    );
    this.name = 'UserDataTooLargeError';
    this.bytes = bytes;
    this.compressedBytes = compressedBytes;
    this.limit = limit;
    this.largestSections = largest;
  }
}
