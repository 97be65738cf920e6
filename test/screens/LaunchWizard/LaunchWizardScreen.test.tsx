import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../source/app/session/Session.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';
import { TAG } from '../../../source/core/ports.js';
import { openDemoSession, seedWorkstation, tempEnv } from '../../app/demoSession.js';
import { KEYS, type RenderedTui } from '../../app/fakeTerminal.js';
import { chooseTemplate, openWizard as openWizardIn, underPolicy } from './wizardHarness.js';

let tui: RenderedTui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const selectedLine = (frame: string) => frame.split('\n').find((line) => line.startsWith('>')) ?? '';

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
])('the launch wizard at $columns x $rows', (size) => {
  const openWizard = async (session?: Session) => {
    tui = await openWizardIn(size, session);
    return tui;
  };

  const fits = (view: RenderedTui) =>
    expect(view.lastFrame().split('\n').length).toBeLessThanOrEqual(size.rows - 1);

  it('launches under the example policy as a member once the project is typed; the filter goes with step 1', async () => {
    const policy = readFileSync(resolve(import.meta.dirname, '../../../policies/example.yaml'), 'utf8');
    const view = await openWizard(underPolicy(await openDemoSession(), policy));
    await chooseTemplate(view, 'python-ml');
    let frame = await view.waitFor('t3.large');
    expect(frame).not.toContain('/python-ml');
    await view.type(KEYS.enter);
    await view.waitFor('Root volume (GB)');
    await view.type(KEYS.enter);
    frame = await view.waitFor('Name and options');
    expect(frame).toMatch(/Project\* +required by the policy/);
    await view.type(KEYS.enter);
    frame = await view.waitFor('The policy requires the tag project: type a value');
    expect(selectedLine(frame)).toContain('Project');
    await view.type('thesis');
    await view.type(KEYS.enter);
    frame = await view.waitFor('Enter launches');
    await view.type(KEYS.enter);
    frame = await view.waitFor(/python-ml-1 is running/);
    fits(view);
  });

  it('launches a workstation through every page and shows each pipeline step', async () => {
    const view = await openWizard();
    expect(view.lastFrame()).toContain('step 1 of 5: Template');
    fits(view);
    await chooseTemplate(view, 'python-ml');
    let frame = await view.waitFor('t3.large');
    expect(frame).toContain('step 2 of 5: Size');
    expect(frame).toMatch(/> S +t3\.large +2 vCPU · 8 GiB +\$0\.0832\/h/);
    expect(frame).toMatch(/GPU +g5\.xlarge +4 vCPU · 16 GiB · 1 GPU \(NVIDIA A10G\) +\$1\.0060\/h/);
    fits(view);
    await view.type(KEYS.enter);
    frame = await view.waitFor('Root volume (GB)');
    expect(frame).toContain('template default 100 GB');
    expect(frame).toContain('> none (no shared file system)');
    await view.type('6');
    await view.type('0');
    await view.type(KEYS.enter);
    frame = await view.waitFor('Name and options');
    expect(frame).toMatch(/> Name +python-ml-1/);
    await view.type(KEYS.enter);
    frame = await view.waitFor('Verdict');
    expect(frame).toContain('python-ml (ubuntu-24-04 > jupyter-server > python-ml)');
    expect(frame).toContain('t3.large (size S): 2 vCPU · 8 GiB');
    expect(frame).toContain('60 GB gp3 root · no EFS');
    expect(frame).toMatch(/Price +\$0\.\d{4}\/h · \$\d+\.\d\d\/month \(running 730 h\)/);
    expect(frame).toContain('allowed');
    expect(frame).toContain('Enter launches');
    fits(view);
    // The user-data preview follows; its secrets are masked.
    await view.type('G');
    frame = view.lastFrame();
    expect(frame).toContain('cws_mark ready');
    fits(view);

    await view.type(KEYS.enter);
    frame = await view.waitFor('is running', 10_000);
    expect(frame).toMatch(/✓ Run instance +i-[0-9a-f]+ in us-east-1/);
    expect(frame).toMatch(/✓ Wait until running/);
    expect(frame).toContain('✓ Check policy');
    fits(view);
    await view.type(KEYS.enter);
    frame = await view.waitFor(/python-ml-1 .*(running|run )/);
    expect(frame).toContain('Dashboard');
    expect(frame).not.toContain('Launch ·');
  });

  it('steps back with Esc and keeps what was typed and chosen', async () => {
    const view = await openWizard();
    await chooseTemplate(view, 'python-ml');
    await view.waitFor('t3.large');
    await view.type('j');
    await view.type(KEYS.enter);
    await view.waitFor('Root volume (GB)');
    await view.type('7');
    await view.type('0');
    await view.type(KEYS.enter);
    await view.waitFor('Name and options');
    // A name field takes q and j as text: nothing quits or moves; / is refused as typed, not obeyed.
    await view.type('q');
    await view.type('/');
    await view.waitFor("A name holds letters, digits, '.', '_' and '-' only");
    expect(view.lastFrame()).toMatch(/Name +python-ml-1q_ /);
    await view.type(KEYS.tab);
    await view.type(KEYS.tab);
    await view.type(' ');
    expect(view.lastFrame()).toMatch(/> Spot capacity +\[x\] yes/);
    await view.type(KEYS.esc);
    let frame = await view.waitFor('Root volume (GB): 70');
    await view.type(KEYS.esc);
    frame = await view.waitFor('Size');
    expect(selectedLine(frame)).toContain('m7i.xlarge');
    expect(frame).toMatch(/\*M +m7i\.xlarge/);
    await view.type(KEYS.esc);
    await view.waitFor('step 1 of 5: Template');
    await view.type(KEYS.enter);
    await view.waitFor('Size');
    await view.type(KEYS.enter);
    await view.waitFor('Root volume (GB): 70');
    await view.type(KEYS.enter);
    frame = await view.waitFor('Name and options');
    expect(frame).toMatch(/Name +python-ml-1q /);
    expect(frame).toMatch(/Spot capacity +\[x\] yes/);
    await view.type(KEYS.enter);
    frame = await view.waitFor('Verdict');
    expect(frame).toContain('m7i.xlarge (size M)');
    expect(frame).toContain('spot (can be interrupted)');
    expect(frame).toContain('70 GB gp3 root');
  });

  it('suggests a free name and warns as soon as a typed name is taken', async () => {
    const session = await openDemoSession();
    await seedWorkstation(session, 'python-ml-1', {
      template: 'python-ml',
      tags: { [TAG.profile]: session.profile.name },
    });
    const view = await openWizard(session);
    await chooseTemplate(view, 'python-ml');
    await view.waitFor('t3.large');
    await view.type(KEYS.enter);
    await view.waitFor('Root volume (GB)');
    await view.type(KEYS.enter);
    let frame = await view.waitFor('Name and options');
    expect(frame).toMatch(/> Name +python-ml-2/);
    expect(frame).not.toContain('already exists');
    await view.type(KEYS.backspace);
    await view.type('1');
    frame = await view.waitFor('A workstation named python-ml-1 already exists');
    await view.type(KEYS.enter);
    frame = await view.waitFor('Stops launch');
    expect(frame).toMatch(/Stops launch +a workstation named 'python-ml-1' already exists/);
    expect(frame).toContain('would be refused');
  });

  it('lets an admin launch what the policy denies, with a reason the pipeline records', async () => {
    const opened = await openDemoSession();
    const admin: Session = Object.create(opened);
    Object.defineProperty(admin, 'profile', {
      value: {
        ...opened.profile,
        role: 'admin',
        policy: parsePolicy('instance_types:\n  allow: ["t3.*"]\n'),
      },
    });
    const view = await openWizard(admin);
    await chooseTemplate(view, 'python-ml');
    await view.waitFor('t3.large');
    await view.type('j');
    await view.type(KEYS.enter);
    await view.waitFor('Root volume (GB)');
    await view.type(KEYS.enter);
    await view.waitFor('Name and options');
    await view.type(KEYS.enter);
    let frame = await view.waitFor('o overrides it');
    expect(frame).toContain('DENIED');
    await view.type('o');
    await view.waitFor('Override reason');
    // Enter does nothing until there is a reason; j and q are typed, not obeyed.
    await view.type(KEYS.enter, 100);
    expect(view.lastFrame()).not.toContain('Launching');
    for (const key of ['j', 'q', ' ', 'grant', ' ', 'deadline']) await view.type(key);
    frame = await view.waitFor('Override reason (audited, tagged): jq grant deadline');
    await view.type(KEYS.enter);
    frame = await view.waitFor('is running', 10_000);
    expect(frame).toMatch(/✓ Check policy +denied, overridden by an admin: jq grant deadline/);
    const [workstation] = await admin.listWorkstations();
    expect(workstation?.instance?.tags[TAG.override]).toBe('jq grant deadline');
  });

  it('shows where a failed launch stopped and returns to the review with every value', async () => {
    const view = await openWizard(
      await openDemoSession({
        ...tempEnv(),
        CWS_DEMO_FAULTS: 'capacity=us-east-1a,us-east-1b,us-east-1c,us-east-1d,us-east-1e,us-east-1f',
      }),
    );
    await chooseTemplate(view, 'python-ml');
    await view.waitFor('t3.large');
    await view.type(KEYS.enter);
    await view.waitFor('Root volume (GB)');
    await view.type(KEYS.enter);
    await view.waitFor('Name and options');
    await view.type(KEYS.enter);
    await view.waitFor('Enter launches');
    await view.type(KEYS.enter);
    let frame = await view.waitFor('Launch failed', 10_000);
    expect(frame).toMatch(/At step +Run instance/);
    expect(frame).toMatch(/Why +.*capacity/i);
    fits(view);
    await view.type(KEYS.esc);
    frame = await view.waitFor('Enter launches');
    expect(frame).toContain('t3.large (size S)');
  });

  it('launches a managed web service through the services pipeline, priced first', async () => {
    const view = await openWizard();
    await chooseTemplate(view, 'sagemaker-studio');
    let frame = await view.waitFor('ml.t3.medium');
    expect(frame).toContain('step 2 of 4: Size');
    expect(frame).toMatch(/> S +ml\.t3\.medium +2 vCPU · 4 GiB +\$0\.\d{4}\/h/);
    await view.type(KEYS.enter);
    frame = await view.waitFor('Name and options');
    // A web service has a name only: no spot, no hibernation.
    expect(frame).not.toContain('Spot capacity');
    await view.type(KEYS.enter);
    frame = await view.waitFor('Per hour');
    expect(frame).toMatch(/Per hour +\$0\.\d{4}\/h while it runs/);
    expect(frame).toMatch(/Per month +\$\d+\.\d\d/);
    await view.type(KEYS.enter);
    frame = await view.waitFor(/sagemaker-studio-1 is \w/, 8_000);
    expect(frame).toMatch(/✓ Check policy/);
    expect(frame).toMatch(/✓ Create the app/);
    fits(view);
  });

  it('dims the templates and sizes the policy forbids, with the rule, and explains a denied launch', async () => {
    const session = underPolicy(
      await openDemoSession(),
      'templates:\n  allow: ["python-*", "jupyter-*"]\ninstance_types:\n  allow: ["t3.*"]\nspot: required\n',
    );
    const view = await openWizard(session);
    let frame = view.lastFrame();
    expect(frame).toMatch(/python-ml .*allowed/);
    expect(frame).toMatch(/r-research .*forbidden: /);
    await chooseTemplate(view, 'r-research');
    frame = await view.waitFor('The policy forbids r-research');
    expect(frame).toContain('step 1 of 5: Template');

    await view.type(KEYS.esc);
    await chooseTemplate(view, 'python-ml');
    frame = await view.waitFor('t3.large');
    expect(frame).toMatch(/t3\.large .*allowed/);
    expect(frame).toMatch(
      size.columns >= 100
        ? /m7i\.xlarge .*forbidden: instance_types\.allow/
        : /m7i\.xlarge .*✗ instance_types\.allow/,
    );
    await view.type('j');
    frame = await view.waitFor('Forbidden by the policy: instance_types.allow');
    await view.type(KEYS.enter);
    frame = await view.waitFor('The policy forbids m7i.xlarge: instance_types.allow');
    expect(frame).toContain('step 2 of 5: Size');

    await view.type('k');
    await view.type(KEYS.enter);
    await view.waitFor('Root volume (GB)');
    await view.type(KEYS.enter);
    await view.waitFor('Name and options');
    await view.type(KEYS.enter);
    frame = await view.waitFor('DENIED');
    expect(frame).toContain('would be refused');
    expect(frame).toMatch(/Violates +spot: the policy requires spot/);
    expect(frame).toMatch(/Suggestion +launch as a spot instance/);
    // Enter does not launch a launch the pipeline would refuse.
    await view.type(KEYS.enter, 200);
    expect(view.lastFrame()).not.toContain('Launching');
    expect(await session.listWorkstations()).toEqual([]);
  });
});
