// The contract every address register client meets, so the CLI and the language server ask one
// interface and never know which service (or none) answers. Only the address parts below ever
// leave the machine; the token stays inside the client that was given it.

/** The DAR address statuses (DAR_Adresse.status): 2 foreløbig, 3 gældende, 4 nedlagt, 5 henlagt. */
export type DarStatus = 2 | 3 | 4 | 5;

/** An address as written in the file: the parts a register search needs, and a recorded id. */
export interface AddressQuery {
  street: string;
  houseNumber: string;
  floor?: string;
  door?: string;
  postalCode: string;
  city?: string;
  /** The `darId` the file records, to be confirmed by id rather than searched by text. */
  darId?: string;
}

/** An address as the register spells it. */
export interface RegisterAddress {
  id: string;
  street: string;
  houseNumber: string;
  floor?: string;
  door?: string;
  postalCode: string;
  city: string;
  /** Undefined when the service did not say. */
  status?: DarStatus;
}

/** Why a lookup could not give an answer now; none of these says anything about the address. */
export type FailureReason = 'network' | 'timeout' | 'rate-limited' | 'server' | 'malformed' | 'unauthorized' | 'http';

export type AddressVerdict =
  /** The register has this address (exact match, or the recorded id confirmed). */
  | { kind: 'exact'; address: RegisterAddress }
  /** Not exact: a spelling variant or an uncertain match; the candidates the register offers. */
  | { kind: 'near'; candidates: RegisterAddress[] }
  /** No such address; the closest addresses the register returns, if any. */
  | { kind: 'none'; candidates: RegisterAddress[] }
  /** The recorded `darId` is not (or no longer) in the register; candidates for the written text. */
  | { kind: 'unknown-id'; candidates: RegisterAddress[] }
  /** The service could not answer now (network, timeout, 429, 5xx, bad body, bad token). */
  | { kind: 'unavailable'; reason: FailureReason; detail?: string }
  /** Nothing was asked: the offline verifier. */
  | { kind: 'not-checked' };

export interface AddressVerifier {
  /** Names the service and endpoint, so cached verdicts of one service are not read as another's. */
  readonly id: string;
  /**
   * One verdict per query, in order. Never rejects for a service failure (that is an
   * `unavailable` verdict); rejects only when `signal` aborts.
   */
  verify(queries: readonly AddressQuery[], signal?: AbortSignal): Promise<AddressVerdict[]>;
}

/** The one-line text of an address as DAR writes an adressebetegnelse: "Vej 12A, st. tv, 8000 By". */
export function addressLine(address: Omit<AddressQuery, 'darId'>): string {
  const unit = [address.floor ? `${address.floor}.` : '', address.door ?? ''].filter(Boolean).join(' ');
  const town = [address.postalCode, address.city ?? ''].filter(Boolean).join(' ');
  return [`${address.street} ${address.houseNumber}`, unit, town].filter(Boolean).join(', ');
}
