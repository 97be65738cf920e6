import { localTimeZone } from './localTimeZone.js';

/** A wall-clock reading in some time zone, to the second. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Names that always mean UTC: their wall time is the UTC reading, no zone data needed.
const UTC_NAMES = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/GMT',
  'GMT',
  'Etc/Universal',
  'Etc/Zulu',
  'Universal',
  'Zulu',
]);

/**
 * Whether wall times in the zone are read from Date itself (UTC, or the process's own zone) rather
 * than from Intl, whose date formatting costs about 7 MB resident for good once touched.
 */
export function isZoneWithoutIntl(timeZone: string): boolean {
  return UTC_NAMES.has(timeZone) || timeZone === localTimeZone();
}

/** The wall time of an instant in an IANA zone; the same reading `intlWallTime` gives, cheaper where it can. */
export function zonedWallTime(instant: number, timeZone: string): WallTime {
  if (UTC_NAMES.has(timeZone)) {
    const at = new Date(instant);
    return {
      year: at.getUTCFullYear(),
      month: at.getUTCMonth() + 1,
      day: at.getUTCDate(),
      hour: at.getUTCHours(),
      minute: at.getUTCMinutes(),
      second: at.getUTCSeconds(),
    };
  }
  // Date's local fields use the same ICU zone rules as Intl (DST included) without its formatters.
  if (timeZone === localTimeZone()) {
    const at = new Date(instant);
    return {
      year: at.getFullYear(),
      month: at.getMonth() + 1,
      day: at.getDate(),
      hour: at.getHours(),
      minute: at.getMinutes(),
      second: at.getSeconds(),
    };
  }
  return intlWallTime(instant, timeZone);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws (a RangeError from Intl) when the zone is not one Intl knows. */
export function intlFormatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall time as Intl reads it: the reference for every zone, and the path for any other zone. */
export function intlWallTime(instant: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of intlFormatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}
