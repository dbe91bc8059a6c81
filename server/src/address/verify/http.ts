// The HTTP side of the online clients: a concurrency cap shared by all lookups of one verifier, a
// per-request timeout, a deadline for the whole run, a cap on a body's size, backoff on 429 that
// honours Retry-After, redirects followed only within the endpoint's own origin (the URL holds the
// token), and failures that name what went wrong without ever carrying the URL.
import type { FailureReason } from './types.js';

export interface HttpSettings {
  /** Per request, including the time spent waiting on a 429's Retry-After. */
  timeoutMs: number;
  /** How many times a 429 is retried before the lookup gives up for now. */
  maxRetries: number;
  /** The longest Retry-After honoured; a longer one ends the lookup as rate-limited. */
  maxRetryDelayMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** The most a body may hold; a longer one is an unreadable answer, not read to its end. */
  maxBodyBytes: number;
  /** When (epoch ms) the run's lookups must be done; what is asked later is "could not verify now". */
  deadline?: number;
}

export const DEFAULT_HTTP_SETTINGS: HttpSettings = { timeoutMs: 5000, maxRetries: 2, maxRetryDelayMs: 10_000, concurrency: 4, maxBodyBytes: 1024 * 1024 };

/** Redirects followed within the endpoint's origin before the answer counts as unexpected. */
const MAX_REDIRECTS = 3;

export class LookupFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'LookupFailure';
  }
}

/** A counting semaphore: at most `limit` tasks run at once, the rest wait in order. */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

export interface JsonResponse {
  status: number;
  /** Parsed body for 2xx; undefined for a 404. */
  body: unknown;
}

/**
 * GET a JSON resource. 404 is an answer (the caller decides what it means); 401/403, 429 after
 * its retries, 5xx, other statuses, a bad body, a timeout or a network error throw LookupFailure.
 * The caller's abort is rethrown as is, so a stale lookup ends quietly.
 */
export async function getJson(url: URL, settings: HttpSettings, limiter: Limiter, signal?: AbortSignal): Promise<JsonResponse> {
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    const reply = await limiter.run(() => requestOnce(url, settings, signal));
    if (reply.status === 429) {
      const delay = retryDelayMs(reply.retryAfter, attempt);
      const pastDeadline = settings.deadline !== undefined && Date.now() + delay >= settings.deadline;
      if (attempt >= settings.maxRetries || delay > settings.maxRetryDelayMs || pastDeadline) throw new LookupFailure('rate-limited', 'HTTP 429');
      await sleep(delay, signal);
      continue;
    }
    return { status: reply.status, body: parseBody(reply) };
  }
}

interface Reply {
  status: number;
  retryAfter: string | null;
  /** The body of a 2xx answer; other bodies are not read. */
  text: string | undefined;
}

/** One request (and the redirects within its origin) and, for a 2xx, its body, all within one timeout. */
async function requestOnce(url: URL, settings: HttpSettings, signal: AbortSignal | undefined): Promise<Reply> {
  const left = settings.deadline === undefined ? settings.timeoutMs : Math.min(settings.timeoutMs, settings.deadline - Date.now());
  if (left <= 0) throw new LookupFailure('timeout', 'deadline');
  const timeout = AbortSignal.timeout(left);
  const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    for (let target = url, redirects = 0; ; redirects++) {
      const response = await fetch(target, { headers: { accept: 'application/json' }, redirect: 'manual', signal: both });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const next = new URL(location, target);
        // The token rides in the URL: it never follows a redirect to another host, port or scheme.
        if (next.origin !== url.origin || redirects >= MAX_REDIRECTS) throw new LookupFailure('http', `HTTP ${response.status} redirect`);
        target = next;
        continue;
      }
      const ok = response.status >= 200 && response.status < 300;
      const text = ok ? await boundedText(response, settings.maxBodyBytes) : undefined;
      if (!ok) await response.body?.cancel();
      return { status: response.status, retryAfter: response.headers.get('retry-after'), text };
    }
  } catch (error) {
    if (error instanceof LookupFailure) throw error;
    throw asFailure(error, timeout, signal);
  }
}

/** The body as text, read no further than `maxBytes`: an endless or huge body is not an answer. */
async function boundedText(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new LookupFailure('malformed', `the body is larger than ${Math.round(maxBytes / 1024)} KB`);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(reply: Reply): unknown {
  const { status } = reply;
  if (status === 404) return undefined;
  if (status === 401 || status === 403) throw new LookupFailure('unauthorized', `HTTP ${status}`);
  if (status >= 500) throw new LookupFailure('server', `HTTP ${status}`);
  if (reply.text === undefined) throw new LookupFailure('http', `HTTP ${status}`);
  try {
    return JSON.parse(reply.text) as unknown;
  } catch {
    throw new LookupFailure('malformed', 'the body is not JSON');
  }
}

/** The caller's abort passes through; our own timeout and network errors become failures. */
function asFailure(error: unknown, timeout: AbortSignal, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (timeout.aborted || (error instanceof Error && error.name === 'TimeoutError')) return new LookupFailure('timeout');
  // fetch's own message ("fetch failed") and its cause's code name the problem without the URL.
  const code = error instanceof Error && error.cause instanceof Error ? (error.cause as NodeJS.ErrnoException).code : undefined;
  return new LookupFailure('network', code);
}

/** Retry-After in seconds or as an HTTP date; without one, 1 s doubling per attempt. */
export function retryDelayMs(header: string | null, attempt: number, now = Date.now()): number {
  if (header !== null && header.trim() !== '') {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return 1000 * 2 ** attempt;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
