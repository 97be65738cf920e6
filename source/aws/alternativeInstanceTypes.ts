/**
 * Instance types worth trying when EC2 has no capacity for one: the same size one generation
 * either side, and the other x86 vendor of the same generation (m7i <-> m7a). Capacity pools are
 * per type, so a neighbour often has room. Candidates are names only; the caller checks which
 * exist in the region and share the architecture.
 */
export function alternativeInstanceTypes(type: string): string[] {
  const match = /^([a-z]+)(\d+)([a-z-]*)\.([a-z0-9]+)$/.exec(type);
  if (!match) return [];
  const [, family = '', generationText = '', attributes = '', size = ''] = match;
  const generation = Number(generationText);
  const name = (gen: number, attrs: string) => `${family}${gen}${attrs}.${size}`;
  const candidates = [name(generation - 1, attributes), name(generation + 1, attributes)];
  // Graviton (g) has no other vendor; on x86 Intel is "i" (or nothing before the 6th generation) and AMD "a".
  if (!attributes.startsWith('g')) {
    if (attributes.startsWith('a')) {
      candidates.push(name(generation, `i${attributes.slice(1)}`), name(generation, attributes.slice(1)));
    } else if (attributes.startsWith('i')) {
      candidates.push(name(generation, `a${attributes.slice(1)}`));
    } else {
      candidates.push(name(generation, `a${attributes}`), name(generation, `i${attributes}`));
    }
  }
  return [...new Set(candidates)].filter((candidate) => candidate !== type && generation > 0);
}
