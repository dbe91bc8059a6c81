// What every online client shares: one lookup per query, run together (the HTTP limiter caps how
// many are in flight), a failure of one lookup turned into that query's `unavailable` verdict.
import { LookupFailure } from './http.js';
import type { ServiceSettings } from './service.js';
import { ServiceEndpoint } from './service.js';
import type { AddressQuery, AddressVerdict, AddressVerifier, RegisterAddress } from './types.js';
import { addressLine } from './types.js';

/** An online register client: its endpoint, its cache id, and one lookup per query run together. */
export abstract class RegisterVerifier implements AddressVerifier {
  readonly id: string;
  protected readonly endpoint: ServiceEndpoint;

  constructor(service: string, settings: ServiceSettings) {
    this.endpoint = new ServiceEndpoint(settings, 'token');
    this.id = `${service} ${this.endpoint.name}`;
  }

  verify(queries: readonly AddressQuery[], signal?: AbortSignal): Promise<AddressVerdict[]> {
    return verifyEach(queries, signal, (query) => this.verifyOne(query, signal));
  }

  protected abstract verifyOne(query: AddressQuery, signal: AbortSignal | undefined): Promise<AddressVerdict>;
}

export async function verifyEach(
  queries: readonly AddressQuery[],
  signal: AbortSignal | undefined,
  verifyOne: (query: AddressQuery) => Promise<AddressVerdict>,
): Promise<AddressVerdict[]> {
  const verdicts = await Promise.all(
    queries.map(async (query): Promise<AddressVerdict> => {
      try {
        return await verifyOne(query);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof LookupFailure) return { kind: 'unavailable', reason: error.reason, detail: error.detail };
        throw error;
      }
    }),
  );
  signal?.throwIfAborted();
  return verdicts;
}

/** The text a register search gets: the address line, never a recorded id or anything else. */
export function searchText(query: AddressQuery): string {
  return addressLine(query);
}

/** Candidates other than an id the register already said it does not know, at most `limit`. */
export function distinctCandidates(candidates: readonly (RegisterAddress | undefined)[], limit: number, exclude?: string): RegisterAddress[] {
  const seen = new Set<string>(exclude ? [exclude] : []);
  const result: RegisterAddress[] = [];
  for (const candidate of candidates) {
    if (!candidate || seen.has(candidate.id) || result.length >= limit) continue;
    seen.add(candidate.id);
    result.push(candidate);
  }
  return result;
}

/**
 * Candidates are a courtesy on top of a verdict already known ("no such address"): when fetching
 * them fails, the verdict stands without them. An abort still ends the lookup.
 */
export async function bestEffortCandidates(search: Promise<RegisterAddress[]>): Promise<RegisterAddress[]> {
  try {
    return await search;
  } catch (error) {
    if (error instanceof LookupFailure) return [];
    throw error;
  }
}
