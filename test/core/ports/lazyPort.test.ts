import { describe, expect, it } from 'vitest';
import { lazyPort, loadOnce } from '../../../source/core/ports/lazyPort.js';

interface Counter {
  readonly label: string;
  add(by: number): Promise<number>;
  total(): Promise<number>;
}

class RealCounter implements Counter {
  readonly label = 'real';
  private value = 0;
  async add(by: number): Promise<number> {
    this.value += by;
    return this.value;
  }
  async total(): Promise<number> {
    return this.value;
  }
}

/** A lazy counter whose loads are counted. */
function countedPort(): { port: Counter; loads: () => number } {
  let loads = 0;
  const port = lazyPort<Counter>(
    async () => {
      loads++;
      return new RealCounter();
    },
    { label: 'lazy' },
  );
  return { port, loads: () => loads };
}

describe('lazyPort', () => {
  it('loads the adapter on the first call, once, and calls its methods with their own this', async () => {
    const { port, loads } = countedPort();
    expect(loads()).toBe(0);
    const [first, second] = await Promise.all([port.add(2), port.add(3)]);
    expect([first, second]).toEqual([2, 5]);
    expect(await port.total()).toBe(5);
    expect(loads()).toBe(1);
  });

  it('answers the members given up front without loading', () => {
    const { port, loads } = countedPort();
    expect(port.label).toBe('lazy');
    expect(loads()).toBe(0);
  });

  it('is not a thenable, so awaiting the port gives the port', async () => {
    const port = lazyPort<Counter>(async () => new RealCounter(), { label: 'lazy' });
    expect(await port).toBe(port);
    expect(String(port)).toBe('[object Object]');
  });

  it('passes a failed load to the caller and tries again on the next call', async () => {
    let loads = 0;
    const port = lazyPort<Counter>(
      async () => {
        loads++;
        if (loads === 1) throw new Error('module not found');
        return new RealCounter();
      },
      { label: 'lazy' },
    );
    await expect(port.add(1)).rejects.toThrow('module not found');
    expect(await port.add(1)).toBe(1);
    expect(loads).toBe(2);
  });

  it('rejects a call to a method the adapter does not have', async () => {
    const port = lazyPort<Counter>(async () => ({ label: 'partial' }) as unknown as Counter, {
      label: 'lazy',
    });
    await expect(port.total()).rejects.toThrow('the adapter has no method total');
  });

  it('passes on the rejections of the adapter’s methods', async () => {
    const port = lazyPort<Pick<Counter, 'total'>>(
      async () => ({ total: async () => Promise.reject(new Error('denied')) }),
      {},
    );
    await expect(port.total()).rejects.toThrow('denied');
  });
});

describe('loadOnce', () => {
  it('shares one pending load between callers', async () => {
    let loads = 0;
    const load = loadOnce(async () => ++loads);
    expect(await Promise.all([load(), load()])).toEqual([1, 1]);
    expect(await load()).toBe(1);
  });
});
