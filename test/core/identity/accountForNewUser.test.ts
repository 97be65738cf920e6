import { describe, expect, it } from 'vitest';
import { accountForNewUser } from '../../../source/core/identity/accountForNewUser.js';

describe('accountForNewUser', () => {
  it("takes the profile's recorded account and asks the credentials only without one", async () => {
    let asked = 0;
    const caller = async () => {
      asked += 1;
      return '210987654321';
    };
    expect(await accountForNewUser({ aws_account_id: '123456789012' }, caller)).toBe('123456789012');
    expect(asked).toBe(0);
    expect(await accountForNewUser({}, caller)).toBe('210987654321');
    expect(await accountForNewUser(undefined, caller)).toBe('210987654321');
    expect(asked).toBe(2);
  });
});
