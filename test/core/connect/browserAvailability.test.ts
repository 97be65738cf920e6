import { describe, expect, it } from 'vitest';
import { browserAvailability } from '../../../source/core/connect/browserAvailability.js';

describe('browserAvailability', () => {
  it('is local with a display on Linux, and always on macOS and Windows', () => {
    expect(browserAvailability({ DISPLAY: ':0' }, 'linux')).toEqual({ local: true });
    expect(browserAvailability({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toEqual({ local: true });
    expect(browserAvailability({}, 'darwin')).toEqual({ local: true });
    expect(browserAvailability({}, 'win32')).toEqual({ local: true });
  });

  it('is remote over SSH even with a forwarded display, and names the host to forward through', () => {
    expect(
      browserAvailability(
        { SSH_CONNECTION: '10.0.0.5 50000 10.0.0.9 22', DISPLAY: 'localhost:10.0' },
        'linux',
      ),
    ).toEqual({ local: false, reason: 'ssh', ssh_host: '10.0.0.9', ssh_port: 22 });
    expect(browserAvailability({ SSH_TTY: '/dev/pts/1' }, 'darwin')).toEqual({ local: false, reason: 'ssh' });
  });

  it('is remote on Linux without any display', () => {
    expect(browserAvailability({}, 'linux')).toEqual({ local: false, reason: 'no-display' });
  });
});
