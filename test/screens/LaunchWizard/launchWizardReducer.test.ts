import { describe, expect, it } from 'vitest';
import type { LaunchProgress } from '../../../source/core/launch/LaunchProgress.js';
import type { LaunchWizardState } from '../../../source/screens/LaunchWizard/LaunchWizardState.js';
import {
  initialWizardState,
  type LaunchWizardEvent,
  launchWizardReducer,
  leavesWizard,
  rootVolumeProblem,
  wizardSteps,
} from '../../../source/screens/LaunchWizard/launchWizardReducer.js';
import { wizardLaunchRequest } from '../../../source/screens/LaunchWizard/wizardLaunchRequest.js';

const run = (events: LaunchWizardEvent[], from: LaunchWizardState = initialWizardState()) =>
  events.reduce(launchWizardReducer, from);

const pythonMl: LaunchWizardEvent = {
  type: 'choose-template',
  slug: 'python-ml',
  kind: 'ec2',
  has_sizes: true,
  name: 'python-ml-1',
};

describe('the launch wizard reducer', () => {
  it('goes template -> size -> storage -> options -> review for a workstation', () => {
    const steps: string[] = [];
    let state = initialWizardState();
    steps.push(state.step);
    for (const event of [
      pythonMl,
      { type: 'choose-size', size: 'M' },
      { type: 'confirm-storage' },
      { type: 'confirm-options' },
    ] satisfies LaunchWizardEvent[]) {
      state = launchWizardReducer(state, event);
      steps.push(state.step);
    }
    expect(steps).toEqual(['template', 'size', 'storage', 'options', 'review']);
    expect(wizardLaunchRequest(state)).toEqual({
      template: 'python-ml',
      name: 'python-ml-1',
      size: 'M',
      spot: false,
      hibernation: false,
    });
  });

  it('skips storage for a web service, and sizes when it has none', () => {
    const studio = run([
      { type: 'choose-template', slug: 'sagemaker-studio', kind: 'service', has_sizes: true, name: 's-1' },
    ]);
    expect(studio.step).toBe('size');
    expect(launchWizardReducer(studio, { type: 'choose-size', size: 'S' }).step).toBe('options');
    const canvas = run([
      { type: 'choose-template', slug: 'sagemaker-canvas', kind: 'service', has_sizes: false, name: 'c-1' },
    ]);
    expect(canvas.step).toBe('options');
    expect(wizardSteps(canvas.template)).toEqual(['template', 'options', 'review']);
    expect(launchWizardReducer(canvas, { type: 'back' }).step).toBe('template');
  });

  it('steps back one page at a time and keeps every value entered', () => {
    const review = run([
      pythonMl,
      { type: 'choose-instance-type', instance_type: 't3.large' },
      { type: 'type-root-volume', text: '64' },
      { type: 'confirm-storage', file_system_id: 'fs-0123' },
      { type: 'erase-name' },
      { type: 'type-name', text: '9' },
      { type: 'focus-option', field: 'spot' },
      { type: 'toggle', field: 'spot' },
      { type: 'confirm-options' },
    ]);
    expect(review.step).toBe('review');
    const steps: string[] = [];
    let state = review;
    while (!leavesWizard(state)) {
      state = launchWizardReducer(state, { type: 'back' });
      steps.push(state.step);
    }
    expect(steps).toEqual(['options', 'storage', 'size', 'template']);
    expect(wizardLaunchRequest(state)).toEqual({
      template: 'python-ml',
      name: 'python-ml-9',
      instance_type: 't3.large',
      root_volume_gb: 64,
      efs: { file_system_id: 'fs-0123' },
      spot: true,
      hibernation: false,
    });
    // Choosing the same template again keeps them; another template starts its own.
    expect(launchWizardReducer(state, pythonMl).name).toBe('python-ml-9');
    const other = launchWizardReducer(state, { ...pythonMl, slug: 'r-research', name: 'r-research-1' });
    expect(other).toMatchObject({ name: 'r-research-1', root_volume: '' });
    expect(other.instance_type).toBeUndefined();
    expect(other.efs).toBeUndefined();
  });

  it('keeps the storage page until the root volume is a size EC2 takes', () => {
    const storage = run([
      pythonMl,
      { type: 'choose-size', size: 'S' },
      { type: 'type-root-volume', text: '4' },
    ]);
    const refused = launchWizardReducer(storage, { type: 'confirm-storage' });
    expect(refused.step).toBe('storage');
    expect(refused.problem).toBe("the root volume is a whole number of GB from 8 to 16384, got '4'");
    const fixed = run([{ type: 'erase-root-volume' }, { type: 'type-root-volume', text: '40' }], refused);
    expect(fixed.problem).toBeUndefined();
    expect(launchWizardReducer(fixed, { type: 'confirm-storage' }).step).toBe('options');
    expect(rootVolumeProblem('')).toBeUndefined();
    expect(rootVolumeProblem('99999')).toMatch(/from 8 to 16384/);
    // Only digits reach the field.
    expect(launchWizardReducer(storage, { type: 'type-root-volume', text: 'x1' }).root_volume).toBe('41');
  });

  it('refuses a name EC2 and the command line would not take, with the rule', () => {
    const options = run([pythonMl, { type: 'choose-size', size: 'S' }, { type: 'confirm-storage' }]);
    const blank = run(
      Array.from({ length: 11 }, (): LaunchWizardEvent => ({ type: 'erase-name' })),
      options,
    );
    expect(blank.name).toBe('');
    const typed = run([{ type: 'type-name', text: 'my box' }], blank);
    expect(typed.name).toBe('');
    expect(typed.problem).toBe("A name holds letters, digits, '.', '_' and '-' only");
    const refused = run([{ type: 'type-name', text: '-box' }, { type: 'confirm-options' }], blank);
    expect(refused.step).toBe('options');
    expect(refused.problem).toMatch(/^the name '-box' is not valid: use 1-63 letters/);
    expect(refused.option_field).toBe('name');
  });

  it('asks for the tags the policy requires before the review, and puts them on the request', () => {
    const options = run([pythonMl, { type: 'choose-size', size: 'S' }, { type: 'confirm-storage' }]);
    const missing = run([{ type: 'confirm-options', required_tags: ['project', 'grant'] }], options);
    expect(missing.step).toBe('options');
    expect(missing.problem).toBe('The policy requires the tag project: type a value');
    expect(missing.option_field).toBe('tag:project');
    const filled = run(
      [
        { type: 'type-tag', key: 'project', text: 'thesis' },
        { type: 'type-tag', key: 'grant', text: 'G-42' },
        { type: 'type-tag', key: 'grant', text: '<' },
        { type: 'toggle', field: 'wait_ready' },
        { type: 'confirm-options', required_tags: ['project', 'grant'] },
      ],
      missing,
    );
    expect(filled.step).toBe('review');
    expect(wizardLaunchRequest(filled)).toMatchObject({
      project: 'thesis',
      tags: { grant: 'G-42' },
      wait_ready: true,
    });
  });

  it('records each progress event, then the launched workstation', () => {
    const review = run([
      pythonMl,
      { type: 'choose-size', size: 'S' },
      { type: 'confirm-storage' },
      { type: 'confirm-options' },
    ]);
    const event: LaunchProgress = {
      step: 'resolve-template',
      status: 'done',
      detail: 'python-ml',
      at: '2026-11-26T00:00:00Z',
    };
    const launching = run([{ type: 'launch-started' }, { type: 'progress', progress: event }], review);
    expect(launching.step).toBe('launching');
    expect(launching.progress).toEqual([event]);
    // Nothing steps back from a launch under way.
    expect(launchWizardReducer(launching, { type: 'back' })).toBe(launching);
    const done = launchWizardReducer(launching, {
      type: 'launched',
      id: 'i-1',
      name: 'python-ml-1',
      state: 'running',
    });
    expect(done).toMatchObject({
      step: 'done',
      launched: { id: 'i-1', name: 'python-ml-1', state: 'running' },
    });
    expect(leavesWizard(done)).toBe(true);
  });

  it('keeps an override reason apart from the request, and drops it when the review is left', () => {
    const review = run([
      pythonMl,
      { type: 'choose-size', size: 'M' },
      { type: 'confirm-storage' },
      { type: 'confirm-options' },
    ]);
    const typed = run(
      [
        { type: 'start-override' },
        { type: 'type-override', text: 'grant' },
        { type: 'type-override', text: 'x' },
        { type: 'erase-override' },
      ],
      review,
    );
    expect(typed.override_reason).toBe('grant');
    // The preview's request is the same with or without a reason: typing never re-checks the launch.
    expect(wizardLaunchRequest(typed)).toEqual(wizardLaunchRequest(review));
    expect(launchWizardReducer(typed, { type: 'cancel-override' }).override_reason).toBeUndefined();
    const back = launchWizardReducer(typed, { type: 'back' });
    expect(back.step).toBe('options');
    expect(back.override_reason).toBeUndefined();
  });

  it('returns from a failed launch to the review with the values kept, and clears the failure on retry', () => {
    const review = run([
      pythonMl,
      { type: 'choose-size', size: 'GPU' },
      { type: 'confirm-storage' },
      { type: 'confirm-options' },
    ]);
    const failed = run(
      [{ type: 'launch-started' }, { type: 'launch-failed', failure: { message: 'no capacity' } }],
      review,
    );
    expect(failed.failure?.message).toBe('no capacity');
    const back = launchWizardReducer(failed, { type: 'back' });
    expect(back.step).toBe('review');
    expect(back.size).toBe('GPU');
    expect(launchWizardReducer(back, { type: 'launch-started' }).failure).toBeUndefined();
  });
});
