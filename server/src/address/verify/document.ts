// From a lint result to the findings online verification adds: the effective visiting address of
// every open care unit is asked of the verifier (one batch per document), and each verdict becomes
// the finding that replaces the offline `address-unverified` one for that address. The verdicts go
// through the same configuration and suppressions as the lint's own findings (core/pipeline.ts).
//
//   const offline = lintWithConfig(text, config, options);       // shown at once
//   const online = await verifyDocumentAddresses(offline, verifier, { signal, today, lang });
//   const findings = mergeAddressFindings(offline.findings, online);
//
// The two halves apart, for a face whose trees live elsewhere than its network calls (the
// language server's lint worker): `addressTargets` → their queries → the verifier → `verdictFindings`.
import type { Pair, Span } from '../../core/ast.js';
import type { NewPair } from '../../core/edits.js';
import { formatScalar, insertPairs, removePair, replaceScalar } from '../../core/edits.js';
import type { Finding, TextEdit } from '../../core/finding.js';
import type { Lang } from '../../core/i18n.js';
import { effectiveValue } from '../../core/inheritance.js';
import type { LintResult } from '../../core/lint.js';
import type { Address, AddressPart, Entity } from '../../core/model.js';
import { displayName, entitySpan, isCareUnit, isClosed } from '../../core/model.js';
import type { Language } from '../../core/parse.js';
import type { RuleReport } from '../../core/pipeline.js';
import { byPosition, settleReports } from '../../core/pipeline.js';
import type { FixSpec, Report } from '../../core/rule.js';
import { addressNotInDar, notInDarWording, retiredWording, unknownDarIdWording } from '../../rules/address-not-in-dar.js';
import { addressUnverified } from '../../rules/address-unverified.js';
import { mismatchWording, nearWording, provisionalWording, recordIdTitle, unavailableWording, verifiedWording, writeAddressTitle } from './messages.js';
import type { AddressQuery, AddressVerdict, AddressVerifier, RegisterAddress } from './types.js';
import { addressLine } from './types.js';
import { dayOf } from '../../core/today.js';

export interface VerifyOptions {
  lang?: Lang;
  /** YYYY-MM-DD, as given to lint (closed units are not checked). */
  today?: string;
  /** Abort when the text changes: the stale lookup ends and this promise rejects with the reason. */
  signal?: AbortSignal;
}

export interface OnlineAddressFindings {
  findings: Finding[];
  /** The addresses (by the offline finding's span) whose offline `address-unverified` finding the verdict replaces. */
  replaces: Span[];
}

/** One care unit's effective visiting address, as asked of the register. */
export interface Target {
  unit: Entity;
  address: Address;
  /** Where the offline rule reports: the visiting address's key, or the unit when its postal address stands in. */
  span: Span;
  query: AddressQuery;
  language: Language;
}

const DAR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parts a fix may rewrite, in the order they are compared and inserted. */
const WRITTEN_PARTS = ['street', 'houseNumber', 'floor', 'door', 'postalCode', 'city', 'darId'] as const satisfies readonly AddressPart[];

/** Differences in these parts are spelling (a fix is safe); any other part names another address. */
const SPELLING_PARTS: ReadonlySet<AddressPart> = new Set(['street', 'city', 'darId']);

export async function verifyDocumentAddresses(result: LintResult, verifier: AddressVerifier, options: VerifyOptions = {}): Promise<OnlineAddressFindings> {
  const targets = addressTargets(result, options.today);
  if (targets.length === 0) return { findings: [], replaces: [] };
  const verdicts = await verifier.verify(targets.map((target) => target.query), options.signal);
  return verdictFindings(result, targets, verdicts, options.lang ?? 'en');
}

/** The effective visiting addresses of the open care units, in the order they are asked of the register. */
export function addressTargets(result: Pick<LintResult, 'documents'>, today?: string): Target[] {
  const day = dayOf(today);
  return result.documents.flatMap((document) => document.entities.flatMap((unit) => targetOf(unit, day, document.language) ?? []));
}

/** The findings of the register's verdicts, `verdicts[i]` being the answer to `targets[i].query`. */
export function verdictFindings(result: LintResult, targets: readonly Target[], verdicts: readonly AddressVerdict[], lang: Lang): OnlineAddressFindings {
  const reports: RuleReport[] = [];
  const replaces: Span[] = [];
  targets.forEach((target, index) => {
    const verdict = verdicts[index];
    if (verdict.kind !== 'unavailable' && verdict.kind !== 'not-checked') replaces.push(target.span);
    reports.push(...reportsFor(target, verdict, result.text));
  });
  return { findings: settleReports(result, reports, lang), replaces };
}

/** The offline findings with those the online verdicts replace swapped for the online ones. */
export function mergeAddressFindings(offline: readonly Finding[], online: OnlineAddressFindings): Finding[] {
  const replaced = (finding: Finding) =>
    finding.ruleId === addressUnverified.id && online.replaces.some((span) => span.start === finding.span.start && span.end === finding.span.end);
  return [...offline.filter((finding) => !replaced(finding)), ...online.findings].sort(byPosition);
}

function targetOf(unit: Entity, today: string, language: Language): Target | undefined {
  if (unit.level === 'provider' || !isCareUnit(unit) || isClosed(unit, today)) return undefined;
  const effective = effectiveValue(unit, 'visitingAddress');
  // A unit cut short by a syntax error may have its own visiting address in the unread text.
  if (!effective?.value.map || (effective.how !== 'own' && !unit.complete)) return undefined;
  const address = effective.value;
  const part = (name: AddressPart) => address.parts[name]?.text?.trim() || undefined;
  const street = part('street');
  const houseNumber = part('houseNumber');
  const postalCode = part('postalCode');
  // An address without these is not one to look up: address-format reports it.
  if (!street || !houseNumber || !postalCode) return undefined;
  const darId = part('darId');
  return {
    unit,
    address,
    span: effective.how === 'own' ? address.key : entitySpan(unit),
    // A malformed id is the schema's finding; the address is then looked up by its text.
    query: { street, houseNumber, floor: part('floor'), door: part('door'), postalCode, city: part('city'), darId: darId && DAR_ID.test(darId) ? darId : undefined },
    language,
  };
}

function reportsFor(target: Target, verdict: AddressVerdict, text: string): RuleReport[] {
  const unit = displayName(target.unit);
  const written = addressLine(target.query);
  const unverified = (report: Report): RuleReport[] => [{ rule: addressUnverified, report }];
  const notInDar = (report: Report): RuleReport[] => [{ rule: addressNotInDar, report }];
  const candidateFixes = (candidates: readonly RegisterAddress[]) => candidates.map((candidate) => writeAddressFix(text, target, candidate, false));
  switch (verdict.kind) {
    case 'not-checked':
      return [];
    case 'unavailable':
      return unverified({ span: target.span, ...unavailableWording(unit, verdict.reason, verdict.detail), severity: 'info' });
    case 'near':
      return unverified({ span: target.span, ...nearWording(unit, written, verdict.candidates), fixes: candidateFixes(verdict.candidates) });
    case 'none':
      return notInDar({ span: target.span, ...notInDarWording(unit, written, verdict.candidates.length > 0), fixes: candidateFixes(verdict.candidates) });
    case 'unknown-id': {
      const darId = target.address.parts.darId!;
      return notInDar({ span: darId.node, ...unknownDarIdWording(unit, darId.text ?? '', verdict.candidates.length > 0), fixes: candidateFixes(verdict.candidates) });
    }
    case 'exact':
      return exactReports(target, verdict.address, text, unit);
  }
}

function exactReports(target: Target, address: RegisterAddress, text: string, unit: string): RuleReport[] {
  if (address.status === 4 || address.status === 5) {
    return [{ rule: addressNotInDar, report: { span: target.span, ...retiredWording(unit, addressLine(address), address.status) } }];
  }
  const changes = differences(target.address, address);
  const spellingOnly = changes.every((change) => SPELLING_PARTS.has(change.part));
  const described = changes.filter((change) => change.part !== 'darId').map(describeChange);
  const fix = changes.length > 0 ? [writeAddressFix(text, target, address, spellingOnly)] : [];
  if (address.status === 2) {
    return [{ rule: addressUnverified, report: { span: target.span, ...provisionalWording(unit, address), fixes: fix, severity: 'warning' } }];
  }
  if (changes.length === 0) return [];
  const idRecorded = target.query.darId === address.id;
  const wording = spellingOnly ? verifiedWording(unit, address, described, idRecorded) : mismatchWording(unit, address, described);
  return [{ rule: addressUnverified, report: { span: target.span, ...wording, fixes: fix, severity: spellingOnly ? 'info' : 'warning' } }];
}

interface Change {
  part: AddressPart;
  from: string | undefined;
  to: string | undefined;
}

/** Where the file's address differs from the register's (an absent floor or door matches an absent one). */
function differences(address: Address, register: RegisterAddress): Change[] {
  const wanted: Record<(typeof WRITTEN_PARTS)[number], string | undefined> = {
    street: register.street,
    houseNumber: register.houseNumber,
    floor: register.floor,
    door: register.door,
    postalCode: register.postalCode,
    // A service that gives no postcode name leaves the city as written.
    city: register.city || address.parts.city?.text?.trim() || undefined,
    darId: register.id,
  };
  const changes: Change[] = [];
  for (const part of WRITTEN_PARTS) {
    const from = address.parts[part]?.text?.trim() || undefined;
    const to = wanted[part];
    if (from !== to && !(part === 'darId' && from?.toLowerCase() === to?.toLowerCase())) changes.push({ part, from, to });
  }
  return changes;
}

function describeChange(change: Change): string {
  return `${change.part} "${change.from ?? ''}" → "${change.to ?? ''}"`;
}

/** Writes the register's address (its id and every part that differs) into the file's address. */
function writeAddressFix(text: string, target: Target, register: RegisterAddress, safe: boolean): FixSpec {
  const map = target.address.map!;
  const edits: TextEdit[] = [];
  const inserts: NewPair[] = [];
  const removed = new Set<Pair>();
  for (const change of differences(target.address, register)) {
    const field = target.address.parts[change.part];
    if (change.to === undefined) {
      if (field && map.entries.includes(field.pair)) {
        edits.push(removePair(text, map, field.pair));
        removed.add(field.pair);
      }
    } else if (field?.node.kind === 'scalar') {
      edits.push(replaceScalar(text, field.node, change.to, target.language));
    } else if (!field) {
      inserts.push({ key: change.part, value: formatScalar(change.to, target.language) });
    }
  }
  if (inserts.length > 0) {
    const anchor = [...map.entries].reverse().find((pair) => !removed.has(pair));
    edits.push(insertPairs(text, map, inserts, target.language, anchor));
  }
  const onlyId = edits.length === 1 && inserts.length === 1 && inserts[0].key === 'darId';
  // Online verdicts are few, and the title depends on the edits: computed at once.
  return { title: onlyId ? recordIdTitle(register) : writeAddressTitle(register), safe, edits: () => edits };
}
