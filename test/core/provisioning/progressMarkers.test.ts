import { describe, expect, it } from 'vitest';
import {
  PROVISIONING_STAGES,
  parseProgressMarkers,
} from '../../../source/core/provisioning/progressMarkers.js';

describe('parseProgressMarkers', () => {
  it('reads nothing from output without markers', () => {
    expect(parseProgressMarkers('[    0.000000] Linux version 6.8.0\ncloud-init: modules:config\n')).toEqual({
      stage: undefined,
      fraction: 0,
      degraded: [],
      ready: false,
      notes: [],
    });
  });

  it('follows the stages among kernel and cloud-init lines, prefixes and CRLF', () => {
    const console = [
      '[   12.1] cloud-init[812]: CWS-PROGRESS started',
      'CWS-PROGRESS started',
      '[   14.0] cloud-init[812]: CWS-PROGRESS packages\r',
      'CWS-NOTE packages apt lock held; waiting',
      'CWS-PROGRESS user',
      'CWS-WARN efs nfs-fallback: amazon-efs-utils is not available on ubuntu',
      'CWS-WARN efs nfs-fallback: amazon-efs-utils is not available on ubuntu',
      'CWS-PROGRESS efs',
    ].join('\n');
    const progress = parseProgressMarkers(console);
    expect(progress.stage).toBe('efs');
    expect(progress.fraction).toBeCloseTo(
      (PROVISIONING_STAGES.indexOf('efs') + 1) / PROVISIONING_STAGES.length,
    );
    expect(progress.ready).toBe(false);
    expect(progress.notes).toEqual([
      { stage: 'packages', level: 'info', message: 'apt lock held; waiting' },
      {
        stage: 'efs',
        level: 'warning',
        message: 'nfs-fallback: amazon-efs-utils is not available on ubuntu',
      },
    ]);
  });

  it('is ready at the ready marker, fraction 1', () => {
    const console = PROVISIONING_STAGES.map((stage) => `CWS-PROGRESS ${stage}`).join('\n');
    expect(parseProgressMarkers(console)).toMatchObject({ stage: 'ready', fraction: 1, ready: true });
  });

  it('reports a failure with its stage and message', () => {
    const progress = parseProgressMarkers(
      'CWS-PROGRESS started\nCWS-PROGRESS packages\nCWS-FAILED packages command failed (exit 100) at line 80 of the boot script\n',
    );
    expect(progress.ready).toBe(false);
    expect(progress.failed).toEqual({
      stage: 'packages',
      message: 'command failed (exit 100) at line 80 of the boot script',
    });
  });

  it('starts over when a reboot runs the script again', () => {
    const console = [
      'CWS-PROGRESS started',
      'CWS-PROGRESS packages',
      'CWS-FAILED packages command failed (exit 100) at line 80 of the boot script',
      'CWS-PROGRESS started',
      'CWS-PROGRESS packages',
      'CWS-PROGRESS user',
    ].join('\n');
    const progress = parseProgressMarkers(console);
    expect(progress.stage).toBe('user');
    expect(progress.failed).toBeUndefined();
  });

  it('ignores markers with unknown stage names', () => {
    expect(parseProgressMarkers('CWS-PROGRESS teleport\n').stage).toBeUndefined();
  });
});
