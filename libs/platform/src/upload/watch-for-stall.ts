import type { Readable } from 'node:stream';

/**
 * Calls `onStall` once when the client sends nothing for `idleMs` while we are ready to read. A
 * request paused by our own backpressure (e.g. a slow COPY) is not the client's stall. Returns a
 * function that stops watching.
 */
export function watchForStall(request: Readable, idleMs: number, onStall: () => void): () => void {
  let lastActive = Date.now();
  const onData = () => (lastActive = Date.now());
  request.on('data', onData);
  const timer = setInterval(() => {
    if (request.readableFlowing === false || request.readableEnded) lastActive = Date.now();
    else if (Date.now() - lastActive >= idleMs) {
      stop();
      onStall();
    }
  }, Math.max(10, Math.min(1000, idleMs / 4)));
  const stop = () => {
    clearInterval(timer);
    request.off('data', onData);
  };
  return stop;
}
