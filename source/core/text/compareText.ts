/**
 * `new Intl.Collator('en', { numeric: true }).compare` for the app's own sorts (names, ids, instance
 * types, templates, users, states), without touching ICU's collator: it costs about 3 MB resident
 * for good once used, and these strings are nearly always ASCII. For printable ASCII (plus tab, line
 * breaks and the control characters the collator ignores) this reproduces the collator's rules:
 * punctuation and symbols before digits before letters in CLDR's root order, letters compared
 * without case first and lower case before upper case only when nothing else differs, runs of digits
 * compared by value (leading zeros ignored). Any other string goes to the real collator, made when
 * first needed. The result's sign is the collator's; test/core/text/compareText.test.ts checks it.
 */
export function compareText(a: string, b: string): number {
  if (!isCollatedHere(a) || !isCollatedHere(b)) return intlCollator().compare(a, b);
  // One pass over both strings, allocating nothing: the dashboard sorts 10,000 rows with it.
  let caseOrder = 0;
  let i = 0;
  let j = 0;
  for (;;) {
    i = skipIgnored(a, i);
    j = skipIgnored(b, j);
    if (i >= a.length || j >= b.length) break;
    const left = a.charCodeAt(i);
    const right = b.charCodeAt(j);
    const rankOrder = (RANK[left] as number) - (RANK[right] as number);
    if (rankOrder !== 0) return rankOrder < 0 ? -1 : 1;
    if (isDigit(left)) {
      const numberOrder = compareNumbers(a, i, b, j);
      if (numberOrder.order !== 0) return numberOrder.order;
      i = numberOrder.leftEnd;
      j = numberOrder.rightEnd;
      continue;
    }
    // Same letter or symbol: the first difference in case decides, but only if nothing else does.
    if (caseOrder === 0 && left !== right) caseOrder = isUpper(left) ? 1 : -1;
    i += 1;
    j += 1;
  }
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return caseOrder;
}

let collator: Intl.Collator | undefined;
function intlCollator(): Intl.Collator {
  collator ??= new Intl.Collator('en', { numeric: true });
  return collator;
}

// CLDR root order of the non-ignorable ASCII characters other than digits and letters.
const SYMBOLS = '\t\n\u000b\f\r _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$';
const DIGITS_RANK = SYMBOLS.length;
const RANK = new Int16Array(128).fill(-1);
for (let index = 0; index < SYMBOLS.length; index += 1) RANK[SYMBOLS.charCodeAt(index)] = index;
for (let code = 48; code <= 57; code += 1) RANK[code] = DIGITS_RANK;
for (let code = 97; code <= 122; code += 1) {
  RANK[code] = DIGITS_RANK + 1 + (code - 97);
  RANK[code - 32] = DIGITS_RANK + 1 + (code - 97);
}
// Control characters other than tab and line breaks, and DEL: the collator ignores them entirely.
const IGNORED = -2;
for (let code = 0; code < 32; code += 1) if (RANK[code] === -1) RANK[code] = IGNORED;
RANK[127] = IGNORED;
// ICU compares digit runs by value only up to 254 digits; strings with longer ones are left to it.
const LONGEST_NUMBER = 200;

/** Whether every character follows the ASCII rules here (and no digit run is too long for them). */
function isCollatedHere(text: string): boolean {
  let run = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 128) return false;
    run = isDigit(code) ? run + 1 : 0;
    if (run > LONGEST_NUMBER) return false;
  }
  return true;
}

function skipIgnored(text: string, from: number): number {
  let index = from;
  while (index < text.length && RANK[text.charCodeAt(index)] === IGNORED) index += 1;
  return index;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function digitsEnd(text: string, from: number): number {
  let index = from;
  while (index < text.length && isDigit(text.charCodeAt(index))) index += 1;
  return index;
}

function zerosEnd(text: string, from: number, end: number): number {
  let index = from;
  while (index < end && text.charCodeAt(index) === 48) index += 1;
  return index;
}

/** Two runs of digits by value (leading zeros ignored), and where each run ends. */
function compareNumbers(
  a: string,
  i: number,
  b: string,
  j: number,
): { order: number; leftEnd: number; rightEnd: number } {
  const leftEnd = digitsEnd(a, i);
  const rightEnd = digitsEnd(b, j);
  const leftStart = zerosEnd(a, i, leftEnd);
  const rightStart = zerosEnd(b, j, rightEnd);
  let order = Math.sign(leftEnd - leftStart - (rightEnd - rightStart));
  for (let k = 0; order === 0 && leftStart + k < leftEnd; k += 1) {
    order = Math.sign(a.charCodeAt(leftStart + k) - b.charCodeAt(rightStart + k));
  }
  return { order, leftEnd, rightEnd };
}
