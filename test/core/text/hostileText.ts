import fc from 'fast-check';

/** Each class of character a hostile field can carry, with a regex that finds it in output. */
export const HOSTILE_CLASSES = {
  c0: {
    chars: ['\u0000', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\t', '\r'],
    found: /[\u0000-\u0009\u000B-\u001F]/,
  },
  c1: {
    chars: ['\u007F', '\u0080', '\u0085', '\u008D', '\u0090', '\u009B', '\u009C', '\u009D', '\u009F'],
    found: /[\u007F-\u009F]/,
  },
  bidi: {
    chars: [
      '\u061C',
      '\u200E',
      '\u200F',
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ],
    found: /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/,
  },
  zeroWidth: {
    chars: ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'],
    found: /[\u200B-\u200D\u2060\uFEFF]/,
  },
  surrogate: {
    chars: ['\uD800', '\uDBFF', '\uDC00', '\uDFFF'],
    found: /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
  },
} as const;
export type HostileClass = keyof typeof HOSTILE_CLASSES;

/** Whole escape sequences a terminal acts on: CSI, OSC (BEL and ST ended), DCS, 8-bit CSI. */
export const ESCAPE_SEQUENCES = [
  '\u001B[2J',
  '\u001B[31m',
  '\u001B]0;pwned\u0007',
  '\u001B]8;;https://evil.example\u001B\\',
  '\u001BPq#0\u001B\\',
  '\u009B2J',
  '\u001B]52;c;cm0gLXJmIH4=\u0007',
];

/** Anything the output may still contain: the line break is the only control it keeps. */
export const UNSAFE_IN_OUTPUT = new RegExp(
  Object.values(HOSTILE_CLASSES)
    .map((entry) => entry.found.source)
    .join('|'),
);

const hostileChar = fc.oneof(
  ...Object.values(HOSTILE_CLASSES).map((entry) => fc.constantFrom(...entry.chars)),
  fc.constantFrom(...ESCAPE_SEQUENCES),
);

/** A string that mixes printable text with characters of every hostile class, anywhere in it. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof({ arbitrary: fc.string({ maxLength: 4 }), weight: 2 }, { arbitrary: hostileChar, weight: 3 }),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''));
