import { existsSync, readlinkSync } from 'node:fs';

/**
 * The IANA name of the process's own time zone, found the way ICU finds it (the TZ variable, else
 * the zone /etc/localtime links to) without asking Intl: Intl.DateTimeFormat loads ICU's date data,
 * about 7 MB resident for the life of the process, and the dashboard's cost report needs only the
 * name. When neither source names a zone plainly, Intl answers as before.
 */
export function localTimeZone(): string {
  const tz = process.env.TZ;
  if (cached && cached.tz === tz) return cached.zone;
  // Intl names no zone when TZ names an unknown one; Date then keeps UTC, and so does the report.
  const zone = zoneFromEnvironment(tz) ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  cached = { tz, zone };
  return zone;
}

let cached: { tz: string | undefined; zone: string } | undefined;

// An IANA name: Area/Location segments of letters, digits, _, + and - (no dots: no path tricks).
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

// tzdata's posix/ and right/ copies name the same zones; ICU (and so Date and Intl) drops the prefix.
const withoutVariant = (name: string) => name.replace(/^(posix|right)\//, '');

function zoneFromEnvironment(tz: string | undefined): string | undefined {
  if (tz !== undefined) {
    // POSIX allows a leading colon; an empty or rule-style value ("EST5EDT,M3.2.0,...") goes to Intl.
    const name = withoutVariant(tz.startsWith(':') ? tz.slice(1) : tz);
    const plain = IANA_NAME.test(name) && !/\d[A-Za-z]/.test(name);
    // A name the system does not know leaves Date in UTC while Intl reports no zone: keep Intl's answer.
    return plain && existsSync(`/usr/share/zoneinfo/${name}`) ? name : undefined;
  }
  try {
    const target = readlinkSync('/etc/localtime');
    const at = target.lastIndexOf('zoneinfo/');
    const name = at === -1 ? '' : withoutVariant(target.slice(at + 'zoneinfo/'.length));
    return IANA_NAME.test(name) ? name : undefined;
  } catch {
    // Not a link (a copied file, or no such file on this system): only Intl knows the name.
    return undefined;
  }
}
