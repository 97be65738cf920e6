import { describe, expect, it } from 'vitest';
import { appPolicyFor } from '../../../source/core/iam/appPolicy.js';
import { validatePolicyDocument } from '../../../source/core/iam/validatePolicyDocument.js';
import { actionsInAdapters, grants, withDependents } from './adapterActions.js';

describe('cws-tui iam policy --for admin', () => {
  it('grants every action an AWS adapter calls, so the printed policy is enough for every command', () => {
    const admin = appPolicyFor('admin');
    const actions = withDependents(actionsInAdapters());
    expect(actions.length).toBeGreaterThan(80);
    expect(actions.filter((action) => !grants(admin, action))).toEqual([]);
    expect(validatePolicyDocument(admin)).toEqual([]);
  });
});
