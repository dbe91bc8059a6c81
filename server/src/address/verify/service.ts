// Settings every online client takes, and the request URL they build: the base the user named,
// the path, the address text, and the token last (it never leaves this module otherwise).
import type { HttpSettings } from './http.js';
import { DEFAULT_HTTP_SETTINGS, Limiter } from './http.js';

export interface ServiceSettings {
  /** The service's base URL, e.g. `https://…/adressevask`; no default: the user names the service. */
  baseUrl: string;
  /** The caller's token (env var `SOR_LINT_ADDRESS_TOKEN`, or VS Code's secret storage). */
  token?: string;
  http?: Partial<HttpSettings>;
  /** How many candidates a near or failed match offers. */
  maxCandidates?: number;
}

export const DEFAULT_MAX_CANDIDATES = 3;

export class ServiceEndpoint {
  readonly http: HttpSettings;
  readonly limiter: Limiter;
  readonly maxCandidates: number;
  private readonly base: string;
  private readonly token: string | undefined;

  constructor(
    settings: ServiceSettings,
    private readonly tokenParameter: string | undefined,
  ) {
    this.base = settings.baseUrl.replace(/\/+$/, '');
    this.http = { ...DEFAULT_HTTP_SETTINGS, ...settings.http };
    this.limiter = new Limiter(this.http.concurrency);
    this.maxCandidates = settings.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
    this.token = settings.token;
  }

  /** Identifies the endpoint in cache keys: the base URL, never the token. */
  get name(): string {
    return this.base;
  }

  url(path: string, params: Record<string, string> = {}): URL {
    const url = new URL(this.base + path);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    if (this.tokenParameter && this.token) url.searchParams.set(this.tokenParameter, this.token);
    return url;
  }
}
