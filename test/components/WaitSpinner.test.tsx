import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { formatElapsed, SPINNER_FRAMES, WaitSpinner } from '../../source/components/WaitSpinner.js';
import { LaunchProgressView } from '../../source/screens/LaunchWizard/LaunchProgressView.js';

const spinnerFrame = (frame: string) =>
  [...frame].find((char) => SPINNER_FRAMES.some((mark) => mark === char));

/** Polls the frame until `check` holds: the spinner moves on its own clock. */
async function until(frame: () => string, check: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const text = frame();
    if (check(text)) return text;
    if (Date.now() > deadline) throw new Error(`never held; last frame:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('formatElapsed', () => {
  it('reads seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatElapsed(0)).toBe('0s');
    expect(formatElapsed(-5)).toBe('0s');
    expect(formatElapsed(59_999)).toBe('59s');
    expect(formatElapsed(65_000)).toBe('1m 05s');
    expect(formatElapsed(3_725_000)).toBe('1h 02m');
  });
});

describe('WaitSpinner', () => {
  it('shows a turning mark, the label and the time waited since the wait began', async () => {
    const view = render(<WaitSpinner since={Date.now() - 80_000} label="Loading sizes…" />);
    const first = view.lastFrame() ?? '';
    expect(first).toMatch(/Loading sizes… 1m 2\ds/);
    const mark = spinnerFrame(first);
    expect(mark).toBeDefined();
    await until(
      () => view.lastFrame() ?? '',
      (text) => spinnerFrame(text) !== mark,
    );
    view.unmount();
  });
});

describe('LaunchProgressView', () => {
  it('turns a spinner with the elapsed time on the step under way, not a static …', async () => {
    const at = new Date().toISOString();
    const view = render(
      <LaunchProgressView
        kind="service"
        height={6}
        progress={[
          { step: 'resolve-template', status: 'done', detail: 'sagemaker-studio', at },
          { step: 'ensure-domain', status: 'started', detail: 'creating the domain', at },
        ]}
      />,
    );
    const frame = view.lastFrame() ?? '';
    expect(frame).toMatch(/✓ Resolve template/);
    const line = frame.split('\n').find((text) => text.includes('SageMaker domain')) ?? '';
    expect(spinnerFrame(line)).toBeDefined();
    expect(line).toMatch(/Find or create the SageMaker domain +\d+s creating the domain/);
    expect(line).not.toContain('…');
    // The elapsed time counts up while the step waits.
    await until(
      () => view.lastFrame() ?? '',
      (text) => /SageMaker domain +1s/.test(text),
    );
    view.unmount();
  });
});
