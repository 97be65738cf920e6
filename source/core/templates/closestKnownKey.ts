/** Levenshtein distance, two rows at a time: keys are short, so this is cheap. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known key nearest to `key` by edit distance (ties go to the earlier known key); none when
 * even the nearest is more than `maxDistance` edits away.
 */
export function closestKnownKey(
  key: string,
  knownKeys: readonly string[],
  maxDistance = Number.POSITIVE_INFINITY,
): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lowered = key.toLowerCase();
  for (const known of knownKeys) {
    const distance = editDistance(lowered, known);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/** A typo's plausible distance: a third of the word, at least two edits. */
export function typoDistance(word: string): number {
  return Math.max(2, Math.floor(word.length / 3));
}
