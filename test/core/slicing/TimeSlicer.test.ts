import { describe, expect, it } from 'vitest';
import { TimeSlicer } from '../../../source/core/slicing/TimeSlicer.js';

describe('TimeSlicer', () => {
  it('hands the event loop a turn once a slice has used its time, and only then', async () => {
    let clock = 0;
    const slicer = new TimeSlicer(4, () => clock);
    const order: string[] = [];
    // Stands for a keypress read while the work runs: it must get in between two slices.
    setImmediate(() => order.push('key'));
    await slicer.forEach([1, 2, 3, 4, 5, 6], (item) => {
      order.push(`item ${item}`);
      clock += 2;
    });
    expect(order).toEqual(['item 1', 'item 2', 'key', 'item 3', 'item 4', 'item 5', 'item 6']);
  });

  it('never yields inside a slice that still has time', async () => {
    const slicer = new TimeSlicer(4, () => 0);
    const order: string[] = [];
    setImmediate(() => order.push('key'));
    await slicer.forEach([1, 2, 3], (item) => order.push(`item ${item}`));
    expect(order).toEqual(['item 1', 'item 2', 'item 3']);
    expect(slicer.due()).toBe(false);
  });
});
