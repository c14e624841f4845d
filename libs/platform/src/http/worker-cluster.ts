import cluster from 'node:cluster';

/** A worker that dies this soon after starting is restarted only after a pause: no tight crash loop. */
const QUICK_DEATH_MS = 5_000;
const RESTART_PAUSE_MS = 1_000;

/**
 * `count` processes of the app on one port (node:cluster hands each connection to one of them),
 * sharing nothing but the database: each has its own models, pool, broker consumer and relays,
 * and its own graceful shutdown. This process only supervises: it replaces a worker that dies,
 * and on SIGTERM or SIGINT passes SIGTERM on, waits for every worker, then exits.
 */
export function superviseWorkers(name: string, count: number): void {
  let stopping = false;
  const started = new Map<number, number>();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let index = 0; index < count; index++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        console.log(`${name} stopped (${count} workers)`);
        process.exit(0);
      }
      return;
    }
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    console.error(`${name} worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
    setTimeout(fork, lived < QUICK_DEATH_MS ? RESTART_PAUSE_MS : 0);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    });
  }
  console.log(`${name}: ${count} worker processes`);
}
