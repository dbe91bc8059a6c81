// A DAWA-compatible service (DAWA closed in 2026; services that copy its interface keep its paths
// and JSON). No token unless the service wants one (sent as `token`, as Dataforsyningen did).
//   GET {base}/datavask/adresser?betegnelse=…  → kategori A (exact), B (sure, small differences),
//        C (uncertain, possibly several); resultater[].adresse { id, vejnavn, husnr, etage, dør,
//        postnr, postnrnavn, status }
//   GET {base}/adresser/{id}                    → the address (404: unknown)
// See docs/addresses.md for what of these shapes is documented and what is assumed.
import { bestEffortCandidates, distinctCandidates, RegisterVerifier, searchText } from './batch.js';
import { getJson } from './http.js';
import type { Json } from './json.js';
import { darStatus, list, malformed, record, text } from './json.js';
import type { ServiceSettings } from './service.js';
import type { AddressQuery, AddressVerdict, DarStatus, RegisterAddress } from './types.js';

/** DAWA's own `status` codes, read as DAR's: 1 gældende, 2 nedlagt, 3 foreløbig, 4 henlagt. */
const DAWA_STATUS_AS_DAR: Record<string, DarStatus> = { '1': 3, '2': 4, '3': 2, '4': 5 };

export class DawaVerifier extends RegisterVerifier {
  constructor(settings: ServiceSettings) {
    super('dawa', settings);
  }

  protected async verifyOne(query: AddressQuery, signal: AbortSignal | undefined): Promise<AddressVerdict> {
    if (query.darId) {
      const recorded = await this.byId(query.darId, signal);
      if (recorded) return { kind: 'exact', address: recorded };
      const washed = await bestEffortCandidates(this.wash(query, signal).then((w) => w.candidates));
      return { kind: 'unknown-id', candidates: distinctCandidates(washed, this.endpoint.maxCandidates, query.darId) };
    }
    const { category, candidates } = await this.wash(query, signal);
    if (candidates.length === 0) return { kind: 'none', candidates };
    if (category === 'A') return { kind: 'exact', address: candidates[0] };
    return { kind: 'near', candidates: category === 'B' ? candidates.slice(0, 1) : candidates };
  }

  private async wash(query: AddressQuery, signal: AbortSignal | undefined): Promise<{ category: string; candidates: RegisterAddress[] }> {
    const url = this.endpoint.url('/datavask/adresser', { betegnelse: searchText(query) });
    const answer = record((await getJson(url, this.endpoint.http, this.endpoint.limiter, signal)).body);
    const category = text(answer?.kategori);
    if (!answer || !Array.isArray(answer.resultater) || (answer.resultater.length > 0 && !category)) throw malformed('no kategori or resultater');
    // The current version of a matched address carries today's spelling; the match itself may be historical.
    const found = list(answer.resultater).map((row) => readAddress(record(record(row)?.aktueladresse) ?? record(record(row)?.adresse)));
    if (found.some((address) => !address)) throw malformed('a result lacks id, street, house number or postcode');
    return { category: category ?? '', candidates: distinctCandidates(found, this.endpoint.maxCandidates) };
  }

  private async byId(id: string, signal: AbortSignal | undefined): Promise<RegisterAddress | undefined> {
    const { status, body } = await getJson(this.endpoint.url(`/adresser/${encodeURIComponent(id)}`), this.endpoint.http, this.endpoint.limiter, signal);
    if (status === 404) return undefined;
    const address = readAddress(record(body));
    if (!address) throw malformed('the address lookup lacks street, house number or postcode');
    return address;
  }
}

/** Reads DAWA's flat form (datavask, `struktur=mini`) and its nested form (`/adresser/{id}`). */
function readAddress(adresse: Json | undefined): RegisterAddress | undefined {
  if (!adresse) return undefined;
  const access = record(adresse.adgangsadresse);
  const postcode = record(access?.postnummer);
  const id = text(adresse.id);
  const street = text(adresse.vejnavn) ?? text(record(access?.vejstykke)?.navn);
  const houseNumber = text(adresse.husnr) ?? text(access?.husnr);
  const postalCode = text(adresse.postnr) ?? text(postcode?.nr);
  if (!id || !street || !houseNumber || !postalCode) return undefined;
  return {
    id,
    street,
    houseNumber,
    floor: text(adresse.etage),
    door: text(adresse['dør']),
    postalCode,
    city: text(adresse.postnrnavn) ?? text(postcode?.navn) ?? '',
    status: darStatus(adresse.darstatus) ?? DAWA_STATUS_AS_DAR[text(adresse.status) ?? ''],
  };
}
