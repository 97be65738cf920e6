import { describe, expect, it } from 'vitest';
import { wrapText } from '../../source/components/wrapText.js';

describe('wrapText', () => {
  it('breaks at spaces, cuts a word longer than a line, and loses nothing', () => {
    expect(wrapText('ssh -N -L 8888:localhost:8888 alice@host', 16)).toEqual([
      'ssh -N -L',
      '8888:localhost:8',
      '888 alice@host',
    ]);
    const url = `http://x/?token=${'a'.repeat(50)}`;
    const lines = wrapText(url, 20);
    expect(lines.join('')).toBe(url);
    expect(Math.max(...lines.map((line) => line.length))).toBe(20);
    expect(wrapText('', 10)).toEqual(['']);
  });
});
