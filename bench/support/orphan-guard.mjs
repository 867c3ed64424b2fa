// Preloaded (node --import) into every process the bench starts: a child whose
// parent went away (the bench was killed) stops by itself, and no child
// outlives BENCH_CHILD_MAX_MS. SIGTERM first so a server can shut down cleanly
// (and write its --cpu-prof profile); a hard exit follows if that hangs.
const parent = process.ppid;
const maxMs = Number(process.env.BENCH_CHILD_MAX_MS || 45 * 60_000);
const startedAt = Date.now();
let stopping = false;
const stop = (why) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`bench child ${process.pid}: ${why}; stopping\n`);
  setTimeout(() => process.exit(1), 10_000).unref();
  process.kill(process.pid, "SIGTERM");
};
setInterval(() => {
  if (process.ppid !== parent) stop("its parent is gone");
  else if (Date.now() - startedAt > maxMs) stop(`it ran longer than BENCH_CHILD_MAX_MS=${maxMs}`);
}, 500).unref();
