// The end-to-end tests drive the built app: build it first when it is missing or older than the
// source, so `npm install && npm test` passes on a fresh clone and never tests a stale bundle.
import { ensureBundle } from '../scripts/bundleFreshness.mjs';

export default function setup(): void {
  const status: number = ensureBundle();
  if (status !== 0) throw new Error(`building dist/cws-tui.js failed (esbuild exited ${status})`);
}
