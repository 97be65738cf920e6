// The flags the app runs with, from `npm start`, the bundle's shebang and the single executable
// alike. A small young generation, and an old generation that grows by half at a time rather than
// by V8's default factor, keep a long bastion session's peak resident memory low.
// Re-measured on Node 24 at stop 31 (VmHWM at 10,000 demo workstations after 20-60 s of keys at
// 20/s with the 5 s refresh on, one run each at load 3-12; runs of one setting spread by about
// +-8 MB):
// - these two flags: 158-173 MB; the empty demo with the same keys: 121 MB;
// - without the semi-space flag: 276 MB (V8's default young generation is many times larger, and
//   Ink's ~2.5 MB of garbage per frame fills it before it is collected);
// - semi-space 4 or 8 MB: 165-171 MB, no better;
// - growing by 30%: 159-165 MB, within the spread, for 19% more CPU;
// - --optimize-for-size: 162-174 MB for 18-25% more CPU; --v8-pool-size=1: 153-177 MB;
//   --single-threaded: 197 MB.
// So both stay. What remains is mostly not the rows: the node binary's touched pages (58 MB),
// malloc (13-25 MB) and the promoted frame garbage awaiting the next major collection.
export const NODE_FLAGS = ['--max-semi-space-size=2', '--heap-growing-percent=50'];

// glibc's malloc gives each thread that allocates (V8's compiler and GC helpers among them) an
// arena of its own and keeps what they free there; one arena for all lets freed memory be reused.
// Measured at stop 32 (Node 24, 10,000 demo workstations, 20 s of keys at 20/s with the 5 s
// refresh, 3 runs each): VmHWM 130 MB with one arena, 134 with two, 137-140 with glibc's default
// (8 per core); the empty dashboard 94 against 98. CPU time and key latency were the same.
// Set before node starts (glibc reads it once), by the bundle's shebang and `npm start`; the single
// executable cannot set it for itself.
// Also tried then, and not kept (within the spread): --no-maglev (129 MB against 131 over 6 runs
// each, for 5-9% more CPU), fixed malloc mmap and trim thresholds of 128 KB (131 MB), and the
// empty dashboard without Node's compile cache (97 MB against 98).
export const NODE_ENV = { MALLOC_ARENA_MAX: '1' };
