import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type DemoInstance,
  type DemoState,
  demoStateSchema,
  emptyDemoState,
} from '../../../source/aws/demo/demoState.js';
import { demoStateText } from '../../../source/aws/demo/demoStateText.js';
import { readDemoStateFile } from '../../../source/aws/demo/readDemoStateFile.js';
import { readJsonFileOrSetAside } from '../../../source/core/fs/readJsonFileOrSetAside.js';

function instance(serial: number): DemoInstance {
  return {
    id: `i-${String(serial).padStart(17, '0')}`,
    region: 'us-east-1',
    availability_zone: 'us-east-1a',
    instance_type: 't3.medium',
    architecture: 'x86_64',
    image_id: 'ami-0123456789abcdef0',
    launched_at: '2026-12-01T10:00:00.000Z',
    private_ip: `172.31.0.${serial}`,
    spot: false,
    hibernation_configured: false,
    root_volume_gb: 30,
    root_volume_type: 'gp3',
    client_token: `token-${serial}`,
    tags: { 'cws:managed': 'true', Name: `ws-${serial}` },
    transitions: [
      { at: '2026-12-01T10:00:00.000Z', state: 'pending' },
      { at: '2026-12-01T10:00:05.000Z', state: 'running' },
    ],
    progress_stages: ['packages', 'services'],
  };
}

function stateOf(count: number): DemoState {
  const state = emptyDemoState();
  state.instances = Array.from({ length: count }, (_, serial) => instance(serial + 1));
  state.key_pairs = { lab: 'ssh-ed25519 AAAA' };
  state.next_serial = count + 1;
  return state;
}

async function textOf(state: DemoState): Promise<string> {
  let text = '';
  for await (const piece of demoStateText(state)) text += piece;
  return text;
}

async function written(state: DemoState | string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cws-demo-state-'));
  const path = join(dir, 'demo-account.json');
  writeFileSync(path, typeof state === 'string' ? state : await textOf(state));
  return path;
}

describe('demoStateText and readDemoStateFile', () => {
  it('write one JSON document, one instance per line, and read back the same state', async () => {
    for (const count of [0, 1, 1203]) {
      const state = stateOf(count);
      const text = await textOf(state);
      expect(JSON.parse(text)).toEqual(state);
      expect(text.split('\n')).toHaveLength(count + 3);
      const read = await readDemoStateFile(await written(state), '/unused');
      expect(read).toEqual({ status: 'read', data: state });
    }
  });

  it('reads a state file in the older one-line layout as before', async () => {
    const state = stateOf(3);
    const read = await readDemoStateFile(await written(JSON.stringify(state)), '/unused');
    expect(read).toEqual({ status: 'read', data: state });
  });

  it('gives equal histories and boot stages of different instances one frozen object', async () => {
    for (const text of [await textOf(stateOf(3)), JSON.stringify(stateOf(3))]) {
      const read = await readDemoStateFile(await written(text), '/unused');
      if (read.status !== 'read') throw new Error('not read');
      const [first, second] = read.data.instances;
      expect(second?.transitions).toBe(first?.transitions);
      expect(second?.transitions[0]).toBe(first?.transitions[0]);
      expect(second?.progress_stages).toBe(first?.progress_stages);
      expect(Object.isFrozen(first?.transitions)).toBe(true);
      expect(() => first?.transitions.push({ at: 'later', state: 'stopping' })).toThrow(TypeError);
      expect(second?.tags).not.toBe(first?.tags);
    }
  });

  it('says a file is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cws-demo-state-'));
    expect(await readDemoStateFile(join(dir, 'demo-account.json'), '/unused')).toEqual({ status: 'missing' });
  });

  it('sets a broken file aside with the reason a whole-file read gives', async () => {
    const text = await textOf(stateOf(3));
    const lines = text.split('\n');
    const broken = {
      truncated: lines.slice(0, 3).join('\n'),
      'an instance without its id': text.replace('"id":"i-00000000000000002",', ''),
      'a missing comma': text.replace('},\n{', '}\n{'),
      'a comma too many': text.replace('}\n]}', '},\n]}'),
      'text after the end': `${text}{}\n`,
      'a broken head': text.replace('"version":1', '"version":2'),
    };
    for (const [what, content] of Object.entries(broken)) {
      const path = await written(content);
      const expected = await readJsonFileOrSetAside(
        await written(content),
        demoStateSchema,
        `${path}.expected`,
      );
      const read = await readDemoStateFile(path, `${path}.bak`);
      expect(read.status, what).toBe('set-aside');
      expect(read, what).toEqual({ ...expected, backup: `${path}.bak` });
      expect(readFileSync(`${path}.bak`, 'utf8'), what).toBe(content);
      expect(readdirSync(join(path, '..')), what).not.toContain('demo-account.json');
    }
  });
});
