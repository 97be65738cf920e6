import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '../../../source/app/session/Session.js';
import { createDemoBigData } from '../../../source/aws/demo/bigdata/createDemoBigData.js';
import { bigDataContextOf } from '../../../source/commands/bigdataSession.js';
import type { BigDataContext } from '../../../source/core/bigdata/BigDataContext.js';
import { openDemoSession } from '../../app/demoSession.js';

/**
 * A demo session whose big data account keeps its state in a fresh folder and runs on a clock the
 * test moves with `advance`, so runs and steps reach the state the test needs without waiting.
 */
export async function demoBigDataSession(): Promise<{
  session: Session;
  context: BigDataContext;
  advance: (ms: number) => void;
}> {
  const base = await openDemoSession();
  let now = Date.now();
  const bigdata = createDemoBigData({
    stateDir: mkdtempSync(join(tmpdir(), 'cws-bigdata-ui-')),
    speed: 1,
    now: () => now,
  });
  const session = Object.create(base, { account: { value: { ...base.account, bigdata } } }) as Session;
  return {
    session,
    context: bigDataContextOf(session),
    advance: (ms) => {
      now += ms;
    },
  };
}
