import { describe, expect, it } from 'vitest';
import { laptopHostSource } from '../../../source/app/session/laptopHostSource.js';

describe('laptopHostSource', () => {
  it('takes CWS_LAPTOP_SSH_HOST over the profile setting, and nothing without either', () => {
    expect(laptopHostSource({ CWS_LAPTOP_SSH_HOST: 'ana@b1' }, 'ana@b2', 'lab')).toEqual({
      laptop_host: { value: 'ana@b1', source: 'CWS_LAPTOP_SSH_HOST' },
    });
    expect(laptopHostSource({}, 'ana@b2', 'lab')).toEqual({
      laptop_host: { value: 'ana@b2', source: "profile lab's --laptop-host" },
    });
    expect(laptopHostSource({}, undefined, 'lab')).toEqual({});
  });
});
