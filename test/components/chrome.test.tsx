import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../source/app/session/Session.js';
import { DetailsPanel, detailsLineCount } from '../../source/components/DetailsPanel.js';
import { Flash } from '../../source/components/Flash.js';
import { Header } from '../../source/components/Header.js';
import { KeyHints } from '../../source/components/KeyHints.js';
import { TooSmall } from '../../source/components/TooSmall.js';

const info: SessionInfo = {
  account_kind: 'demo',
  profile: 'lab',
  region: 'eu-west-1',
  regions: ['eu-west-1'],
  research_user: 'alice',
  notices: [],
};

describe('Header', () => {
  it('shows profile, account, region, research user, the DEMO badge, burn rate and spend against budget', () => {
    const { lastFrame } = render(
      <Header
        info={info}
        account="123456789012"
        burnRate={1.5}
        spend={{ spent_usd: 120, budget_usd: 500 }}
        breadcrumbs={['Dashboard', 'analysis-1']}
      />,
    );
    const frame = lastFrame() ?? '';
    expect(frame).toContain('[DEMO]');
    expect(frame).toContain('profile lab · account 123456789012 · eu-west-1 · user alice');
    expect(frame).toContain('Dashboard > analysis-1');
    expect(frame).toContain('$1.5000/h · month $120.00 of $500.00');
  });

  it('keeps burn rate and budget whole at 80 columns: long breadcrumbs give way, READ-ONLY is said', () => {
    const { lastFrame } = render(
      <Box width={80}>
        <Header
          info={{ ...info, regions: ['eu-west-1', 'us-east-1'] }}
          account="123456789012"
          burnRate={3031.79951}
          spend={{ spent_usd: 12_345.6, budget_usd: 20_000 }}
          breadcrumbs={[
            'Dashboard',
            'a-very-long-workstation-name-1',
            'logs, volumes, snapshots, idle, exec',
          ]}
          readonly
        />
      </Box>,
    );
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines[0]).toContain('READ-ONLY');
    expect(lines[1]).toMatch(
      /^… > a-very-long-workstation… > .* +\$3,031\.7995\/h · month \$12,345\.60 of \$20,000\.00$/,
    );
    expect(Array.from(lines[1] ?? '').length).toBeLessThanOrEqual(80);
  });

  it('shows a status line while the session opens, and strips escapes from names', () => {
    expect(
      render(<Header breadcrumbs={['Dashboard']} status="Opening the session…" />).lastFrame(),
    ).toContain('Opening the session…');
    const hostile = render(
      <Header info={{ ...info, research_user: 'x\u001B]0;t\u0007y' }} breadcrumbs={[]} />,
    );
    expect(hostile.lastFrame()).toContain('user xy');
  });
});

describe('KeyHints', () => {
  it('lists each action as its keys and label', () => {
    const { lastFrame } = render(
      <KeyHints
        actions={[
          { key: ['j', 'down'], label: 'down', run: () => undefined },
          { key: 'ctrl+d', label: 'terminate', dangerous: true, run: () => undefined },
        ]}
      />,
    );
    expect(lastFrame()).toBe('j/Down down  ^D terminate');
  });
});

describe('Flash, TooSmall and DetailsPanel', () => {
  it('shows an error with its hint', () => {
    const { lastFrame } = render(
      <Flash message={{ id: 1, kind: 'error', text: 'denied', hint: 'ask your admin' }} />,
    );
    expect(lastFrame()).toBe('Error: denied · ask your admin');
  });

  it('explains the minimum size', () => {
    expect(render(<TooSmall columns={70} rows={20} />).lastFrame()).toContain('70x20, needs 80x24');
  });

  it('scrolls sections of label/value lines', () => {
    const sections = [
      { title: 'One', rows: [['a', '1'] as const, ['b', '2'] as const] },
      { title: 'Two', rows: [] },
    ];
    expect(detailsLineCount(sections)).toBe(5);
    const { lastFrame } = render(<DetailsPanel sections={sections} height={3} offset={2} />);
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines[0]).toMatch(/^ {2}b\s+2$/);
    expect(lines[1]).toBe('Two');
    expect(lines[2]).toBe('  none');
  });

  it('wraps long values under themselves and says which lines a long page shows', () => {
    const sections = [
      {
        title: 'Connect',
        rows: [['URL', 'https://example.org/lab?token=0123456789abcdef0123456789abcdef'] as const],
      },
      { title: 'Events', rows: [['running', '2026-12-04 23:41:07 UTC'] as const] },
    ];
    expect(detailsLineCount(sections, 50)).toBe(5);
    const { lastFrame } = render(<DetailsPanel sections={sections} height={4} offset={0} width={50} />);
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines[1]).toMatch(/^ {2}URL +https:\/\//);
    expect(lines[2]).toMatch(/^ {19}\S/);
    expect(lines.slice(1, 3).join('').replace(/\s+/g, '')).toContain(
      'token=0123456789abcdef0123456789abcdef',
    );
    expect(lines[3]).toBe('lines 1-3 of 5 · j/k scroll');
  });
});
