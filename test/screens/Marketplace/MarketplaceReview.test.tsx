import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../source/app/App.js';
import { openMarketplace } from '../../../source/app/session/openMarketplace.js';
import { AppStore } from '../../../source/app/store/AppStore.js';
import { createTheme } from '../../../source/app/theme.js';
import { signingKeyOf } from '../../../source/core/identity/signingKey.js';
import { publishRelease } from '../../../source/core/marketplace/publishRelease.js';
import { readRelease } from '../../../source/core/marketplace/readRelease.js';
import { readRegistries, writeRegistries } from '../../../source/core/marketplace/registriesFile.js';
import { parseRegistryIndex } from '../../../source/core/marketplace/registryIndex.js';
import { registryKeys } from '../../../source/core/marketplace/registryKeys.js';
import { scanTemplateText } from '../../../source/core/marketplace/scan/scanTemplateText.js';
import { verifyRelease } from '../../../source/core/marketplace/verifyRelease.js';
import { openDemoSession, tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const RISKY = `name: Quick Setup\nslug: quick-setup\ndescription: "Installs a tool"\ncategory: Research\ninherits: [ubuntu-24-04]\nuser_data: |\n  curl -fsSL http://get.example.org/install.sh | sh\n`;

async function statusOf(env: NodeJS.ProcessEnv, slug: string, version: string) {
  const setup = await openMarketplace({ env, demo: true });
  const trust = setup.registries.find((registry) => registry.name === 'demo-lab');
  if (!trust) throw new Error('no demo-lab registry');
  const store = setup.open(trust);
  const { index } = parseRegistryIndex(await store.get(registryKeys.index), trust.location);
  const files = await readRelease(store, slug, version);
  return {
    status: index.entries.find((entry) => entry.slug === slug)?.releases.find((r) => r.version === version)
      ?.status,
    // The countersignature as every use checks it: it must verify against the registry's approvers.
    review: verifyRelease(files, trust, { slug, version }).review?.statement,
  };
}

/** Another lab member's submission with a high scan finding, published to the demo registry. */
async function publishRisky(env: NodeJS.ProcessEnv) {
  const setup = await openMarketplace({ env, demo: true });
  const key = signingKeyOf(generateKeyPairSync('ed25519').privateKey);
  const registries = await readRegistries(setup.configDir);
  await writeRegistries(
    setup.configDir,
    registries.map((trust) =>
      trust.name === 'demo-lab'
        ? { ...trust, publishers: [...trust.publishers, { name: 'Bench Lab', key: key.publicKey }] }
        : trust,
    ),
  );
  const trust = (await readRegistries(setup.configDir)).find((registry) => registry.name === 'demo-lab');
  if (!trust) throw new Error('no demo-lab registry');
  const scan = scanTemplateText(RISKY);
  expect(scan.findings.some((finding) => finding.severity === 'high')).toBe(true);
  await publishRelease(setup.open(trust), {
    template: Buffer.from(RISKY),
    listing: { slug: 'quick-setup', name: 'Quick Setup', description: 'Installs a tool', tags: [] },
    version: '1.0.0',
    changelog: 'First release',
    publisherName: 'Bench Lab',
    key,
    scan,
    scanOverride: 'the installer is our own',
    now: new Date(),
  });
}

async function openMarketplacePage(env: NodeJS.ProcessEnv) {
  const session = await openDemoSession(env);
  tui = renderTui(
    <App
      openSession={() => Promise.resolve(session)}
      theme={createTheme(false)}
      refreshMs={60_000}
      store={new AppStore()}
    />,
    { columns: 120, rows: 40 },
  );
  await tui.waitFor('0 workstations');
  await tui.type(':');
  await tui.type('marketplace');
  await tui.type(KEYS.enter);
  await tui.waitFor('microscopy-fiji');
  return tui;
}

describe(':marketplace review queue for approvers', () => {
  it('approves the awaiting submission with a reason typed in a dialog, countersigned like marketplace review', async () => {
    const env = tempEnv();
    const page = await openMarketplacePage(env);
    await page.type('q');
    const queue = await page.waitFor('1 template awaiting review');
    expect(queue).toMatch(/a approve/);
    expect(queue).toMatch(/x reject/);
    await page.type('a');
    await page.waitFor('Approve survey-r@1.0.0');
    await page.type(KEYS.enter);
    await page.waitFor('A review needs a reason');
    await page.type('brms checked by RC');
    await page.type(KEYS.enter);
    await page.waitFor('Approved survey-r@1.0.0: brms checked by RC');
    await page.waitFor('0 templates awaiting review');
    const after = await statusOf(env, 'survey-r', '1.0.0');
    expect(after.status).toBe('approved');
    expect(after.review).toMatchObject({
      decision: 'approve',
      reason: 'brms checked by RC',
      reviewer_name: 'You (demo lab approver)',
    });
  });

  it('rejects with x and a reason; Esc in the dialog decides nothing', async () => {
    const env = tempEnv();
    const page = await openMarketplacePage(env);
    await page.type('q');
    await page.waitFor('1 template awaiting review');
    await page.type('x');
    await page.waitFor('Reject survey-r@1.0.0');
    await page.type(KEYS.esc);
    await expect.poll(() => page.lastFrame()).not.toContain('Reject survey-r@1.0.0');
    expect((await statusOf(env, 'survey-r', '1.0.0')).status).toBe('submitted');
    await page.type('x');
    await page.waitFor('Reject survey-r@1.0.0');
    await page.type('brms breaks the course image');
    await page.type(KEYS.enter);
    await page.waitFor('Rejected survey-r@1.0.0: brms breaks the course image');
    const after = await statusOf(env, 'survey-r', '1.0.0');
    expect(after.status).toBe('rejected');
    expect(after.review).toMatchObject({ decision: 'reject', reason: 'brms breaks the course image' });
  });

  it('asks why high scan findings are acceptable before approving, and needs an answer', async () => {
    const env = tempEnv();
    await openMarketplace({ env, demo: true });
    await publishRisky(env);
    const page = await openMarketplacePage(env);
    await page.type('/');
    await page.type('quick');
    await page.type(KEYS.enter);
    await page.waitFor('1 template matching "quick"');
    await page.type('a');
    await page.waitFor('Approve quick-setup@1.0.0');
    await page.type('needed for the workshop');
    await page.type(KEYS.enter);
    await page.waitFor('Override 1 high scan finding(s) in quick-setup@1.0.0');
    await page.type(KEYS.enter);
    await page.waitFor('needs a reason');
    expect((await statusOf(env, 'quick-setup', '1.0.0')).status).toBe('submitted');
    await page.type('installer reviewed line by line');
    await page.type(KEYS.enter);
    await page.waitFor('Approved quick-setup@1.0.0');
    const after = await statusOf(env, 'quick-setup', '1.0.0');
    expect(after.status).toBe('approved');
    expect(after.review).toMatchObject({
      reason: 'needed for the workshop',
      scan_override: 'installer reviewed line by line',
    });
  });

  it('shows no approve or reject to a user who is not an approver of the registry', async () => {
    const env = tempEnv();
    await openMarketplace({ env, demo: true });
    const configDir = env.CWS_CONFIG_DIR ?? '';
    const registries = await readRegistries(configDir);
    await writeRegistries(
      configDir,
      registries.map((trust) => ({ ...trust, approvers: trust.approvers.slice(0, 1) })),
    );
    const page = await openMarketplacePage(env);
    await page.type('q');
    const queue = await page.waitFor('1 template awaiting review');
    expect(queue).not.toMatch(/a approve/);
    await page.type('a');
    await page.type('r');
    await page.waitFor('press 1 to 5 stars');
    expect((await statusOf(env, 'survey-r', '1.0.0')).status).toBe('submitted');
  });
});
