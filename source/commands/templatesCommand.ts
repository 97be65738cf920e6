import type { CommandRun } from './Command.js';

export const runTemplatesCommand: CommandRun = async ({ stdout }) => {
  stdout('templates\n');
  return 0;
};
