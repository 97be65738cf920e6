import { createInterface } from 'node:readline/promises';

/** What a Globus sign-in needs of the terminal; tests give their own. */
export interface GlobusCommandIo {
  /** One line the person types or pastes (the code Globus shows). */
  readCode(prompt: string): Promise<string>;
  openBrowser(url: string): Promise<void>;
  /** Whether stderr is a terminal (an OSC 8 link and an OSC 52 copy only go to one). */
  terminal: boolean;
}

export const processGlobusIo: GlobusCommandIo = {
  async readCode(prompt) {
    const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
    try {
      process.stderr.write(prompt);
      return await lines.question('');
    } finally {
      lines.close();
    }
  },
  async openBrowser(url) {
    const { default: open } = await import('open');
    const opener = await open(url);
    opener.once('error', () => {});
  },
  terminal: process.stderr.isTTY === true,
};
