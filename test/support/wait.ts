import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `check` every 50 ms until it holds or `timeoutMs` passes; says which. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(50)) if (await check()) return true;
  return false;
}
