// The flags the app runs with, from `npm start`, the bundle's shebang and the single executable
// alike. A small young generation, and an old generation that grows by half at a time rather than
// by V8's default factor, keep a long bastion session's peak resident memory low. Measured at 10,000
// workstations after 30 s of typing with the refresh on (one run each, on a loaded machine): 251 MB
// with the first flag alone, 190 MB with both; growing by 20% reached 155-177 MB but spent 60% more
// time in garbage collection and doubled the slowest keys, so half is the compromise.
export const NODE_FLAGS = ['--max-semi-space-size=2', '--heap-growing-percent=50'];
