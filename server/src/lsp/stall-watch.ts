// Reports in the log whenever the server's main thread was kept from its event loop for longer
// than a bound: the server must stay responsive however big the file (issue 9, item 4), and a
// user's log then says when it was not.
import { performance } from 'node:perf_hooks';

export function watchStalls(boundMs: number, report: (busyMs: number) => void): () => void {
  const tickMs = Math.max(1, Math.min(20, boundMs / 2));
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const busy = now - last - tickMs;
    last = now;
    if (busy > boundMs) report(Math.round(busy));
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
