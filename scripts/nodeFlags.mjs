// The flags the app runs with, from `npm start`, the bundle's shebang and the single executable
// alike. They keep a long bastion session's peak resident memory low:
// - a small young generation (2 MB semi-spaces): V8's default is many times larger, and Ink's
//   ~2.5 MB of garbage per frame fills it before it is collected (276 MB at stop 31 without it);
// - an old generation that grows by 30% after each full collection rather than V8's default
//   factor: with 10,000 workstations about 23 MB stays live, and typing promotes about 1 MB/s of
//   frame garbage, so the old generation's peak is set by this factor (and V8's 8 MB minimum step);
// - young collections go on while a full collection's marking runs (V8's default pauses them, and
//   the young generation then swells from 4 to 10 MB until the marking ends: +6 MB at the peak).
// Measured at stop 32 on Node 24 (VmHWM at 10,000 demo workstations, 30 s of keys at 20/s with
// the 5 s refresh, the cost ledger of an earlier session present, 3 runs each; CPU time of the run):
// - growing by 50%: 116-124 MB, 2.7-2.9 s CPU; by 30%: 114-120 MB, 3.0 s; by 20%: 119-120 MB
//   (V8's minimum step: no lower);
// - growing by 50% with young collections during marking: 119-121 MB, 2.5-2.6 s;
// - these three flags: 112.0-112.7 MB, 2.6-2.7 s CPU;
// - --optimize-for-size on top of the first two: 116-117 MB for 15% more CPU.
// Tried at stop 31, not kept: semi-space 4 or 8 MB (no better), --v8-pool-size=1, --single-threaded.
export const NODE_FLAGS = ['--max-semi-space-size=2', '--heap-growing-percent=30', '--no-separate-gc-phases'];

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
