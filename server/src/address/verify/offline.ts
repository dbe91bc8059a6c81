// The default: nothing leaves the machine, every address is "not checked online", and the offline
// rules (postcode table, stormodtager codes, darId presence and form) stand as they are.
import type { AddressQuery, AddressVerdict, AddressVerifier } from './types.js';

export class OfflineVerifier implements AddressVerifier {
  readonly id = 'offline';

  async verify(queries: readonly AddressQuery[], signal?: AbortSignal): Promise<AddressVerdict[]> {
    signal?.throwIfAborted();
    return queries.map(() => ({ kind: 'not-checked' }));
  }
}
