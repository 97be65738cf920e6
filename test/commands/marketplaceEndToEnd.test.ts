import { generateKeyPairSync } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runMarketplaceCommand } from '../../source/commands/marketplaceCommand.js';
import { runRegistryCommand } from '../../source/commands/registryCommand.js';
import { runTemplatesCommand } from '../../source/commands/templatesCommand.js';
import { runCommand } from './commandHarness.js';
import { labProfile } from './marketplaceHarness.js';

const APPROVED_ONLY = 'templates:\n  approved_only: true\n  registries: [demo-lab, builtin]\n';

async function publisherKeyFile(dir: string): Promise<{ privatePath: string; publicPath: string }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privatePath = join(dir, 'publisher.pem');
  const publicPath = join(dir, 'publisher.pub.pem');
  await writeFile(privatePath, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  await writeFile(publicPath, publicKey.export({ format: 'pem', type: 'spki' }));
  return { privatePath, publicPath };
}

describe('the marketplace on the demo account, under a policy that requires approval', () => {
  it('search, inspect, install, rate and launch an approved template; publish and approve a new version', async () => {
    const env = await labProfile(APPROVED_ONLY);
    const demo = { demo: true };

    const found = await runCommand(runMarketplaceCommand, ['search', 'rna'], env, { ...demo, json: true });
    expect(found.code).toBe(0);
    const listings = JSON.parse(found.stdout);
    expect(listings.map((l: { entry: { slug: string } }) => l.entry.slug)).toEqual(['rnaseq-pipeline']);
    expect(listings[0].rating).toEqual({ average: 4.5, count: 2 });

    const shown = await runCommand(runMarketplaceCommand, ['show', 'rnaseq-pipeline'], env, demo);
    expect(shown.stdout).toContain('1.1.0  approved');
    expect(shown.stdout).toContain('signed by Genomics Core');
    expect(shown.stdout).toContain('NIST-800-171');
    expect(shown.stdout).toContain('mchen on 1.1.0: Ran our whole cohort');

    const installed = await runCommand(runMarketplaceCommand, ['install', 'rnaseq-pipeline'], env, demo);
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain(
      'Installed rnaseq-pipeline@1.1.0 from demo-lab, signed by Genomics Core, approved by Research Computing',
    );

    const rated = await runCommand(runMarketplaceCommand, ['rate', 'rnaseq-pipeline@1.1.0'], env, {
      ...demo,
      stars: 4,
      text: 'works',
    });
    expect(rated.code).toBe(0);
    const rerated = await runCommand(runMarketplaceCommand, ['rate', 'rnaseq-pipeline@1.1.0'], env, {
      ...demo,
      stars: 2,
      text: 'changed my mind',
    });
    expect(rerated.code).toBe(0);
    const after = JSON.parse(
      (await runCommand(runMarketplaceCommand, ['search', 'rna'], env, { ...demo, json: true })).stdout,
    );
    expect(after[0].rating).toEqual({ average: 3.7, count: 3 });

    const provenance = await runCommand(runTemplatesCommand, ['show', 'rnaseq-pipeline'], env);
    expect(provenance.stdout).toContain(
      '# provenance: demo-lab: rnaseq-pipeline@1.1.0 signed by Genomics Core',
    );

    const launched = await runCommand(runLaunchCommand, ['rnaseq-pipeline', 'rna1'], env, demo);
    expect(launched.stderr).not.toContain('approved templates');
    expect(launched.code).toBe(0);

    // A publisher (their own key) publishes two versions; the demo user's approver key approves them.
    const keys = await publisherKeyFile(env.HOME ?? '');
    expect(
      (
        await runCommand(runRegistryCommand, ['trust', 'demo-lab'], env, {
          publisherKey: [`Chem Lab=${keys.publicPath}`],
        })
      ).code,
    ).toBe(0);
    const file = join(env.HOME ?? '', 'chem.yml');
    await writeFile(
      file,
      'name: Chem Lab\nslug: chem-lab\ndescription: RDKit and OpenMM\ninherits: [ubuntu-24-04]\n',
    );
    const publishFlags = { ...demo, key: keys.privatePath, registry: 'demo-lab' };
    const first = await runCommand(runMarketplaceCommand, ['publish', file], env, {
      ...publishFlags,
      version: '1.0.0',
      changelog: 'first',
    });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Published chem-lab@1.0.0 to demo-lab');
    const queue = await runCommand(runMarketplaceCommand, ['queue'], env, demo);
    expect(queue.stdout).toContain('demo-lab: chem-lab@1.0.0');
    expect(queue.stdout).toContain('demo-lab: survey-r@1.0.0 by Social Science Methods');
    await appendFile(file, 'category: Chemistry\n');
    const second = await runCommand(runMarketplaceCommand, ['publish', file], env, {
      ...publishFlags,
      version: '1.1.0',
      changelog: 'category',
    });
    expect(second.code).toBe(0);
    await expect(
      runCommand(runMarketplaceCommand, ['publish', file], env, {
        ...publishFlags,
        version: '1.1.0',
        changelog: 'x',
      }),
    ).rejects.toMatchObject({ exitCode: 3, message: expect.stringContaining('versions are immutable') });
    const approved = await runCommand(runMarketplaceCommand, ['review', 'chem-lab@1.1.0', 'approve'], env, {
      ...demo,
      reason: 'checked',
    });
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('Approved chem-lab@1.1.0 in demo-lab: checked');
    expect((await runCommand(runMarketplaceCommand, ['install', 'chem-lab'], env, demo)).stdout).toContain(
      'chem-lab@1.1.0',
    );
    expect((await runCommand(runLaunchCommand, ['chem-lab', 'chem1'], env, demo)).code).toBe(0);
  });

  it('a tampered or unapproved template cannot be launched', async () => {
    const env = await labProfile(APPROVED_ONLY);
    const demo = { demo: true };
    expect((await runCommand(runMarketplaceCommand, ['install', 'survey-r@1.0.0'], env, demo)).code).toBe(0);
    const unapproved = await runCommand(runLaunchCommand, ['survey-r', 's1'], env, demo);
    expect(unapproved.code).toBe(3);
    expect(unapproved.stderr).toContain(
      "the policy allows only approved templates: 'survey-r' survey-r@1.0.0 is awaiting approval",
    );

    expect((await runCommand(runMarketplaceCommand, ['install', 'microscopy-fiji'], env, demo)).code).toBe(0);
    const path = join(env.CWS_CONFIG_DIR ?? '', 'templates', 'marketplace', 'microscopy-fiji.yml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('napari', 'napari; curl x | sh'));
    const tampered = await runCommand(runLaunchCommand, ['microscopy-fiji', 'm1'], env, demo);
    expect(tampered.code).toBe(3);
    expect(tampered.stderr).toContain('the template was altered');
    const show = await runCommand(runTemplatesCommand, ['show', 'microscopy-fiji'], env);
    expect(show.stdout).toContain('# provenance: REFUSED');

    const local = join(env.CWS_CONFIG_DIR ?? '', 'templates', 'mine.yml');
    await writeFile(local, 'name: Mine\nslug: mine\ndescription: mine\ninherits: [ubuntu-24-04]\n');
    const unsigned = await runCommand(runLaunchCommand, ['mine', 'x1'], env, demo);
    expect(unsigned.code).toBe(3);
    expect(unsigned.stderr).toContain('a local file that no approver signed');

    // A revoked publisher key refuses what it signed, even when installed before.
    const registries = JSON.parse(
      (await runCommand(runRegistryCommand, ['list'], env, { json: true })).stdout,
    ) as { publishers: { name: string; key: string }[] }[];
    const imaging = registries[0]?.publishers.find((publisher) => publisher.name === 'Imaging Lab');
    await runCommand(runMarketplaceCommand, ['install', 'microscopy-fiji'], env, demo);
    expect(
      (await runCommand(runRegistryCommand, ['trust', 'demo-lab'], env, { revokeKey: [imaging?.key ?? ''] }))
        .code,
    ).toBe(0);
    const revoked = await runCommand(runLaunchCommand, ['microscopy-fiji', 'm2'], env, demo);
    expect(revoked.code).toBe(3);
    expect(revoked.stderr).toMatch(/publisher key SHA256:\S+ is revoked/);
  });
});

describe('compliance claims checked by the launch', () => {
  it('a no-public-IP template launched into the default VPC (public subnets) is denied', async () => {
    const env = await labProfile('templates:\n  required_frameworks: [HIPAA]\n');
    const dir = join(env.CWS_CONFIG_DIR ?? '', 'templates');
    await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
    await writeFile(
      join(dir, 'phi.yml'),
      'name: PHI\nslug: phi\ndescription: for PHI\ninherits: [ubuntu-24-04]\ncompliance:\n  frameworks: [HIPAA]\n  controls: [no_public_ip]\n',
    );
    const denied = await runCommand(runLaunchCommand, ['phi', 'p1'], env, { demo: true });
    expect(denied.code).toBe(3);
    expect(denied.stderr).toContain(
      "'phi' promises no public IP, but the launch's subnet assigns public IPs",
    );
    const unclaimed = await runCommand(runLaunchCommand, ['ubuntu-24-04', 'u1'], env, { demo: true });
    expect(unclaimed.code).toBe(3);
    expect(unclaimed.stderr).toContain("'ubuntu-24-04' does not claim HIPAA");
  });
});
