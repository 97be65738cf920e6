let counter = 0;

/**
 * A suffix no other call makes, for temporary and set-aside file names: the process id keeps
 * processes on one machine apart, the counter keeps this process's calls apart (even within one
 * millisecond), and the time and a random part keep apart processes that share a folder from
 * machines or containers with their own process ids. Not a secret, so no node:crypto: loading it
 * costs the process about 4 MB resident for good.
 */
export function uniqueFileSuffix(now: number = Date.now()): string {
  counter = (counter + 1) % 0x100000000;
  const random = Math.floor(Math.random() * 0x100000000);
  return [process.pid, counter, now, random].map((part) => part.toString(36)).join('-');
}
