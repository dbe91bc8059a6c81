// Adressevask / Adressevælger (Klimadatastyrelsen), the official successor of DAWA's address
// washing. Every call carries the user's `token`:
//   GET {base}/vask/?adresse=…        → vaskestatus.kode (1000 exact, 900 street-name variant,
//                                        negative: no match) and vaskeresultat.adresse_id_lokalid
//   GET {base}/adresser/{id}          → the address (404: unknown or retired)
//   GET {base}/adresser/soeg?tekst=…  → fund[]: candidates by id
// See docs/addresses.md for what of these shapes is documented and what is assumed.
import { bestEffortCandidates, distinctCandidates, RegisterVerifier, searchText } from './batch.js';
import { getJson } from './http.js';
import type { Json } from './json.js';
import { darStatus, malformed, record, text } from './json.js';
import type { ServiceSettings } from './service.js';
import type { AddressQuery, AddressVerdict, RegisterAddress } from './types.js';

const EXACT = 1000;

export class AdressevaskVerifier extends RegisterVerifier {
  constructor(settings: ServiceSettings) {
    super('adressevask', settings);
  }

  protected async verifyOne(query: AddressQuery, signal: AbortSignal | undefined): Promise<AddressVerdict> {
    if (query.darId) {
      const recorded = await this.byId(query.darId, signal);
      if (recorded) return { kind: 'exact', address: recorded };
      return { kind: 'unknown-id', candidates: await bestEffortCandidates(this.search(query, signal, query.darId)) };
    }
    const { body } = await getJson(this.endpoint.url('/vask/', { adresse: searchText(query) }), this.endpoint.http, this.endpoint.limiter, signal);
    const answer = record(body);
    const code = Number(text(record(answer?.vaskestatus)?.kode));
    if (!answer || !Number.isInteger(code)) throw malformed('no vaskestatus.kode');
    const matchId = text(record(answer.vaskeresultat)?.adresse_id_lokalid);
    // A match without the address it found says nothing about the address: no verdict, not "none".
    if (code > 0) {
      if (!matchId) throw malformed(`code ${code} without vaskeresultat.adresse_id_lokalid`);
      const match = await this.byId(matchId, signal);
      if (!match) throw malformed(`the washed address ${matchId} cannot be looked up`);
      return code === EXACT ? { kind: 'exact', address: match } : { kind: 'near', candidates: [match] };
    }
    return { kind: 'none', candidates: await bestEffortCandidates(this.search(query, signal)) };
  }

  /** The address with this id, or undefined when the register answers 404. */
  private async byId(id: string, signal: AbortSignal | undefined): Promise<RegisterAddress | undefined> {
    const url = this.endpoint.url(`/adresser/${encodeURIComponent(id)}`);
    const { status, body } = await getJson(url, this.endpoint.http, this.endpoint.limiter, signal);
    if (status === 404) return undefined;
    const address = readAddress(record(record(body)?.adresse) ?? record(body));
    if (!address) throw malformed('the address lookup lacks street, house number or postcode');
    return address;
  }

  /** The register's closest addresses to the written text, each looked up for its parts. */
  private async search(query: AddressQuery, signal: AbortSignal | undefined, exclude?: string): Promise<RegisterAddress[]> {
    const url = this.endpoint.url('/adresser/soeg', { tekst: searchText(query) });
    const { body } = await getJson(url, this.endpoint.http, this.endpoint.limiter, signal);
    const found = record(body)?.fund;
    if (!Array.isArray(found)) throw malformed('the search answer has no fund list');
    const ids = found
      .map(record)
      .filter((hit) => hit && (hit.type === undefined || hit.type === 'adresse'))
      .map((hit) => text(hit!.id))
      .filter((id): id is string => id !== undefined && id !== exclude)
      .slice(0, this.endpoint.maxCandidates);
    const candidates = await Promise.all(ids.map((id) => this.byId(id, signal)));
    return distinctCandidates(candidates, this.endpoint.maxCandidates, exclude);
  }
}

/** Adressevælger's id lookup: DAR's attribute names, house number data under `husnummer`. */
function readAddress(adresse: Json | undefined): RegisterAddress | undefined {
  if (!adresse) return undefined;
  const house = record(adresse.husnummer) ?? {};
  const postcode = record(house.postnummer) ?? {};
  const id = text(adresse.id_lokalid) ?? text(adresse.id);
  const street = text(house.vejnavn) ?? text(record(house.navngivenvej)?.vejnavn);
  const houseNumber = text(house.husnummertekst);
  const postalCode = text(postcode.postnr);
  if (!id || !street || !houseNumber || !postalCode) return undefined;
  return {
    id,
    street,
    houseNumber,
    floor: text(adresse.etagebetegnelse),
    door: text(adresse.doerbetegnelse),
    postalCode,
    city: text(postcode.navn) ?? '',
    status: darStatus(adresse.status),
  };
}

