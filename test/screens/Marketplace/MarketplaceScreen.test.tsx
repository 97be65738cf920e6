import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { AppStore } from '../../../source/app/store/AppStore.js';
import { createTheme } from '../../../source/app/theme.js';
import { openDemoSession, tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe(':marketplace on the demo account', () => {
  it('lists the sample registry, filters as you type, installs with i, rates with r and shows the review queue', async () => {
    const env = tempEnv();
    const session = await openDemoSession(env);
    const store = new AppStore();
    tui = renderTui(
      <App
        openSession={() => Promise.resolve(session)}
        theme={createTheme(false)}
        refreshMs={60_000}
        store={store}
      />,
      { columns: 120, rows: 40 },
    );
    await tui.waitFor('0 workstations');
    await tui.type(':');
    await tui.type('marketplace');
    await tui.type(KEYS.enter);
    const listed = await tui.waitFor('microscopy-fiji');
    expect(listed).toContain('rnaseq-pipeline');
    expect(listed).toContain('survey-r');
    await tui.type('q');
    const queue = await tui.waitFor('1 template awaiting review');
    expect(queue).toContain('survey-r');
    expect(queue).not.toContain('microscopy-fiji');
    await tui.type('q');
    await tui.waitFor('3 templates');
    await tui.type('/');
    await tui.type('rna');
    await tui.type(KEYS.enter);
    const filtered = await tui.waitFor('1 template matching "rna"');
    expect(filtered).not.toContain('microscopy-fiji');
    expect(filtered).toContain('1.1.0 approved');
    expect(filtered).toContain('DESeq2 added');
    expect(filtered).toContain('NIST-800-171');
    await tui.type('i');
    await tui.waitFor('Installed rnaseq-pipeline@1.1.0 (approved)');
    expect(
      existsSync(join(env.CWS_CONFIG_DIR ?? '', 'templates', 'marketplace', 'rnaseq-pipeline.yml')),
    ).toBe(true);
    await tui.type('r');
    await tui.waitFor('press 1 to 5 stars');
    await tui.type('5');
    await tui.waitFor('A short review');
    await tui.type('Worked first time');
    await tui.type(KEYS.enter);
    await tui.waitFor('Rated rnaseq-pipeline@1.1.0 5/5: Worked first time');
    await tui.waitFor('4.7★ (3)');
  });
});
