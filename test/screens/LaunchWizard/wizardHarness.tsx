import { App } from '../../../source/app/App.js';
import type { Session } from '../../../source/app/session/Session.js';
import { createTheme } from '../../../source/app/theme.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';
import { openDemoSession } from '../../app/demoSession.js';
import { KEYS, type RenderedTui, renderTui } from '../../app/fakeTerminal.js';

/** The same demo session under another policy, as a profile with a lab's policy would have. */
export function underPolicy(session: Session, policyYaml: string): Session {
  const restricted: Session = Object.create(session);
  Object.defineProperty(restricted, 'profile', {
    value: { ...session.profile, policy: parsePolicy(policyYaml) },
  });
  return restricted;
}

/** The app on a demo session (a fresh one by default), with `:launch` typed: step 1 is showing. */
export async function openWizard(
  size: { columns: number; rows: number },
  session?: Session,
): Promise<RenderedTui> {
  const opened = session ?? (await openDemoSession());
  const view = renderTui(
    <App openSession={() => Promise.resolve(opened)} theme={createTheme(false)} refreshMs={60_000} />,
    size,
  );
  await view.waitFor(/\d+ workstations? · updated/);
  await view.type(':');
  await view.type('launch');
  await view.type(KEYS.enter);
  await view.waitFor('python-ml');
  return view;
}

/** Filters step 1 to the template and chooses it. */
export async function chooseTemplate(view: RenderedTui, slug: string): Promise<void> {
  await view.type('/');
  await view.type(slug);
  await view.type(KEYS.enter);
  await view.waitFor(`> ${slug} `);
  await view.type(KEYS.enter);
}
