import { describe, expect, it } from 'vitest';
import { runBigdataCommand } from '../../source/commands/bigdataCommand.js';
import { runDataCommand } from '../../source/commands/dataCommand.js';
import { runHpcCommand } from '../../source/commands/hpcCommand.js';
import { runMarketplaceCommand } from '../../source/commands/marketplaceCommand.js';
import { runStorageCommand } from '../../source/commands/storageCommand.js';
import { testEnvironment } from '../commands/commandHarness.js';
import { labProfileUnderPolicy } from '../commands/labProfileUnderPolicy.js';
import { cliJson, startCheckedServe } from './serveHarness.js';

describe('cws-tui serve: creating and deleting what the newer capabilities run (demo account)', () => {
  it('creates, resizes, stops and deletes a cluster as hpc does, under the policy and a confirmation', async () => {
    const env = testEnvironment();
    const { checked } = await startCheckedServe(env);
    const created = await checked('POST', '/v1/clusters', {
      body: { name: 'lab', template: 'slurm-small', confirm_provider: true, wait: true },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'lab', status: 'CREATE_COMPLETE', made_by: 'cws-tui' });
    expect((await checked('GET', '/v1/clusters')).json).toEqual(await cliJson(runHpcCommand, ['list'], env));
    const unknownTemplate = await checked('POST', '/v1/clusters', {
      body: { name: 'other', template: 'no-such-template' },
    });
    expect(unknownTemplate.status).toBeGreaterThanOrEqual(400);
    expect(unknownTemplate.json).toMatchObject({
      error: { message: expect.stringContaining('no-such-template') },
    });

    const updated = await checked('PUT', '/v1/clusters/lab', {
      body: { queue: 'cpu', max: 4, stop_first: true },
    });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ name: 'lab', changes: expect.any(Array) });
    const stopped = await checked('POST', '/v1/clusters/lab/stop');
    expect(stopped.json).toEqual({ name: 'lab', compute_fleet: 'STOP_REQUESTED' });
    const started = await checked('POST', '/v1/clusters/lab/start');
    expect(started.json).toEqual({ name: 'lab', compute_fleet: 'START_REQUESTED' });

    const unconfirmed = await checked('DELETE', '/v1/clusters/lab');
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json).toMatchObject({
      error: { code: 'confirmation_required', message: expect.stringContaining('?confirm=lab') },
    });
    const deleted = await checked('DELETE', '/v1/clusters/lab?confirm=lab');
    expect(deleted.json).toEqual({ name: 'lab', status: 'DELETE_IN_PROGRESS' });

    // The policy's hpc section decides as it does for the CLI: 403, nothing made.
    const lab = await labProfileUnderPolicy({ hpc: { max_nodes_per_cluster: 1 } });
    const { checked: governed } = await startCheckedServe(lab, { flags: { profile: 'lab' } });
    const denied = await governed('POST', '/v1/clusters', {
      body: { name: 'big', template: 'slurm-small', confirm_provider: true },
    });
    expect(denied.status).toBe(403);
    expect(denied.json).toMatchObject({ error: { code: 'policy_denied' } });
    expect((await governed('GET', '/v1/clusters')).json).toEqual([]);
  });

  it('creates, starts, stops and deletes a Spark application as bigdata does', async () => {
    const env = testEnvironment();
    const { checked } = await startCheckedServe(env);
    const created = await checked('POST', '/v1/spark/applications', {
      body: { template: 'spark-serverless', name: 'etl', max_vcpu: 16, buckets: ['lab-data'] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'etl', maximum_capacity: { vcpu: 16 } });
    expect((await checked('GET', '/v1/spark/applications/etl')).json).toEqual(
      await cliJson(runBigdataCommand, ['show', 'etl'], env),
    );
    const id = (created.json as { id: string }).id;
    expect((await checked('POST', '/v1/spark/applications/etl/start')).json).toEqual({
      name: 'etl',
      id,
      action: 'start',
    });
    expect((await checked('POST', '/v1/spark/applications/etl/stop')).json).toEqual({
      name: 'etl',
      id,
      action: 'stop',
    });
    const unconfirmed = await checked('DELETE', '/v1/spark/applications/etl?confirm=other');
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json).toMatchObject({
      error: { code: 'confirmation_required', hint: '?confirm=other does not name it' },
    });
    expect((await checked('DELETE', '/v1/spark/applications/etl?confirm=etl')).json).toEqual({
      name: 'etl',
      id,
      action: 'delete',
    });
    expect((await checked('GET', '/v1/spark/applications')).json).toEqual(
      await cliJson(runBigdataCommand, ['list'], env),
    );
    const badBody = await checked('POST', '/v1/spark/applications', {
      body: { template: 'spark-serverless', name: 'x', max_vcpu: -1 },
    });
    expect(badBody.status).toBe(400);
  });

  it('runs FSx data repository tasks and takes, clones and restores snapshots as storage does', async () => {
    const env = testEnvironment();
    const { checked } = await startCheckedServe(env);
    const lustre = (
      await checked('POST', '/v1/storage/fsx', {
        body: {
          name: 'scratch',
          type: 'lustre',
          deployment: 'persistent2',
          capacity: '2400',
          throughput: '250',
          s3: 's3://lab-data/runs',
          import: true,
          export: true,
        },
      })
    ).json as { id: string };
    const task = await checked('POST', `/v1/storage/fsx/${lustre.id}/tasks`, { body: { kind: 'export' } });
    expect(task.status).toBe(201);
    expect(task.json).toMatchObject({ file_system_id: lustre.id, kind: 'export', state: 'succeeded' });
    const tasks = await checked('GET', `/v1/storage/fsx/${lustre.id}/tasks`);
    expect(tasks.json).toEqual(await cliJson(runStorageCommand, ['tasks', lustre.id], env));
    expect(tasks.json).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'export' })]));
    const lustreSnapshot = await checked('POST', `/v1/storage/fsx/${lustre.id}/snapshots`, {
      body: { name: 'before' },
    });
    expect(lustreSnapshot.status).toBe(400);
    expect(lustreSnapshot.json).toMatchObject({ error: { message: expect.stringContaining('is Lustre') } });

    const zfs = (
      await checked('POST', '/v1/storage/fsx', {
        body: { name: 'home', type: 'openzfs', capacity: '64', throughput: '128' },
      })
    ).json as { id: string };
    const first = await checked('POST', `/v1/storage/fsx/${zfs.id}/snapshots`, { body: { name: 'day1' } });
    expect(first.status).toBe(201);
    const snapshot = first.json as { id: string; name: string };
    expect(snapshot.name).toBe('day1');
    await checked('POST', `/v1/storage/fsx/${zfs.id}/snapshots`, { body: { name: 'day2' } });
    const snapshots = await checked('GET', `/v1/storage/fsx/${zfs.id}/snapshots`);
    expect(snapshots.json).toEqual(await cliJson(runStorageCommand, ['snapshot', 'list', zfs.id], env));
    expect((snapshots.json as unknown[]).length).toBe(2);

    const clone = await checked('POST', `/v1/storage/fsx/${zfs.id}/snapshots/${snapshot.id}/clone`, {
      body: { name: 'day1-copy' },
    });
    expect(clone.status).toBe(201);
    expect(clone.json).toMatchObject({
      name: 'day1-copy',
      file_system_id: zfs.id,
      junction_path: '/fsx/day1-copy',
    });

    const unconfirmed = await checked('POST', `/v1/storage/fsx/${zfs.id}/snapshots/${snapshot.id}/restore`);
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.json).toMatchObject({ error: { code: 'confirmation_required' } });
    const restored = await checked(
      'POST',
      `/v1/storage/fsx/${zfs.id}/snapshots/${snapshot.id}/restore?confirm=${snapshot.id}`,
    );
    expect(restored.json).toEqual({
      restored: snapshot.id,
      file_system_id: zfs.id,
      deleted_snapshots: ['day2'],
    });
    expect(
      (await checked('POST', `/v1/storage/fsx/${zfs.id}/snapshots/snap-1/restore?confirm=snap-1`)).status,
    ).toBe(400);
  });

  it('reads data sources as data does, and the Globus sign-in state as globus does', async () => {
    const env = testEnvironment();
    const { checked } = await startCheckedServe(env);
    const sources = await checked('GET', '/v1/data/sources');
    expect(sources.status).toBe(200);
    expect(sources.json).toEqual(await cliJson(runDataCommand, ['sources'], env));
    expect((sources.json as { tables: unknown[] }).tables.length).toBeGreaterThan(0);

    const whoami = await checked('GET', '/v1/globus/session');
    expect(whoami.status).toBe(422);
    expect(whoami.json).toMatchObject({
      error: { message: "not signed in to Globus: run 'cws-tui globus login'" },
    });
    expect((await checked('DELETE', '/v1/globus/session')).json).toEqual({
      signed_out: false,
      username: null,
    });
  });

  it("publishes a template with the server's key and lists the review queue as marketplace does", async () => {
    const env = testEnvironment();
    const { checked } = await startCheckedServe(env);
    const published = await checked('POST', '/v1/marketplace', {
      body: {
        template: 'name: Chem Lab\nslug: chem-lab\ndescription: RDKit and OpenMM\ninherits: [ubuntu-24-04]\n',
        file_name: 'chem.yml',
        version: '1.0.0',
        changelog: 'first',
        registry: 'demo-lab',
      },
    });
    expect(published.status).toBe(201);
    expect(published.json).toMatchObject({
      slug: 'chem-lab',
      version: '1.0.0',
      registry: 'demo-lab',
      status: 'submitted',
    });
    const again = await checked('POST', '/v1/marketplace', {
      body: {
        template: 'name: Chem Lab\nslug: chem-lab\ndescription: changed\ninherits: [ubuntu-24-04]\n',
        version: '1.0.0',
        changelog: 'x',
        registry: 'demo-lab',
      },
    });
    expect(again.status).toBe(403);
    expect(again.json).toMatchObject({
      error: { message: expect.stringContaining('versions are immutable') },
    });
    const invalid = await checked('POST', '/v1/marketplace', {
      body: { template: 'name: [', version: '1.0.0', changelog: 'x' },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json).toMatchObject({
      error: { message: expect.stringContaining('is not a valid template') },
    });

    const queue = await checked('GET', '/v1/review-queue');
    expect(queue.status).toBe(200);
    expect(queue.json).toEqual(await cliJson(runMarketplaceCommand, ['queue'], env));
    expect(queue.json).toEqual(
      expect.arrayContaining([expect.objectContaining({ slug: 'chem-lab', version: '1.0.0' })]),
    );
  });
});
