import { DescribeKeyPairsCommand, EC2Client, ImportKeyPairCommand } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { Ec2Network } from '../../source/aws/ec2Network.js';
import { awsServiceError } from './awsServiceError.js';
import { rejectionOf } from './rejectionOf.js';

const ec2Mock = mockClient(EC2Client);
const client = new EC2Client({
  region: 'us-east-1',
  maxAttempts: 1,
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});
const network = () => new Ec2Network({ ec2: () => client });
const publicKey = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHd1b2VqZmxrd2VqZmxrd2VqZmxrd2VqZmxrd2Vq ana@laptop';

beforeEach(() => {
  ec2Mock.reset();
});

describe('Ec2Network.ensureKeyPair', () => {
  it('imports the public key, tagged, once per session', async () => {
    ec2Mock.on(ImportKeyPairCommand).resolves({ KeyName: 'cws-ana', KeyPairId: 'key-0a1' });
    const port = network();
    expect(await port.ensureKeyPair('us-east-1', 'cws-ana', publicKey)).toBe('cws-ana');
    expect(await port.ensureKeyPair('us-east-1', 'cws-ana', publicKey)).toBe('cws-ana');
    const calls = ec2Mock.commandCalls(ImportKeyPairCommand);
    expect(calls).toHaveLength(1);
    expect(new TextDecoder().decode(calls[0]!.args[0].input.PublicKeyMaterial)).toBe(publicKey);
    expect(calls[0]!.args[0].input.TagSpecifications?.[0]?.ResourceType).toBe('key-pair');
  });

  it('accepts an existing key pair with the same key and refuses one with a different key', async () => {
    ec2Mock
      .on(ImportKeyPairCommand)
      .rejects(awsServiceError('InvalidKeyPair.Duplicate', "The keypair 'cws-ana' already exists."))
      .on(DescribeKeyPairsCommand)
      .resolvesOnce({
        KeyPairs: [{ KeyName: 'cws-ana', PublicKey: publicKey.replace('ana@laptop', 'other comment') }],
      })
      .resolvesOnce({
        KeyPairs: [{ KeyName: 'cws-ana', PublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDifferent' }],
      });
    expect(await network().ensureKeyPair('us-east-1', 'cws-ana', publicKey)).toBe('cws-ana');
    const error = await rejectionOf(network().ensureKeyPair('us-east-1', 'cws-ana', publicKey));
    expect(error.kind).toBe('conflict');
    expect(error.message).toBe(
      'A key pair named cws-ana already exists in us-east-1 with a different public key.',
    );
  });

  it('refuses a key EC2 cannot import before asking', async () => {
    const error = await rejectionOf(
      network().ensureKeyPair('us-east-1', 'cws-ana', 'ecdsa-sha2-nistp256 AAAAE2Vj ana@x'),
    );
    expect(error.code).toBe('InvalidKeyPair.Format');
    expect(ec2Mock.calls()).toHaveLength(0);
  });
});
