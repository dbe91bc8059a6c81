// The workspace index: the files that are checked together (one run of the command, an editor's
// workspace), each reduced to the few facts the checks across files read: its SOR codes with
// their units and places, and the providers (CVRs) it describes with whether it gives them a care
// unit. A face hands in each file's facts (`factsOf` its lint result) and adds, replaces or removes
// one file at a time; nothing here reads a file or knows an editor. A file's findings across files
// go through that file's pipeline tail (its configuration and suppressions) like every other.
import type { Span } from './ast.js';
import type { Finding } from './finding.js';
import type { Lang } from './i18n.js';
import type { LineIndex, Position } from './lines.js';
import { lineIndexOf } from './lines.js';
import type { LintResult } from './lint.js';
import { entitySpan } from './model.js';
import type { RuleReport } from './pipeline.js';
import { byPosition, settleReports } from './pipeline.js';
import { noCareunit } from '../rules/no-careunit.js';
import type { CodeElsewhere, UnitCode } from '../rules/sor-code.js';
import { MAX_RELATED_ELSEWHERE, sameProvider, sharedAcrossFiles, sorCode, unitCodesOf } from '../rules/sor-code.js';
import { providerCvr } from '../rules/support/cvr.js';
import { hasOpenCareUnit } from '../rules/support/unit-types.js';

/** A unit's SOR code, where the finding about it goes, in offsets and in lines and columns. */
export interface CodeFact extends UnitCode {
  start: Position;
  end: Position;
}

/** A provider a document describes: its CVR, whether the document gives it an open care unit, where `no-careunit` reports. */
export interface ProviderFact {
  cvr: string;
  careUnit: boolean;
  span: Span;
}

/** What the index keeps of a file: plain data (the command's cache stores it as JSON). */
export interface FileFacts {
  codes: CodeFact[];
  providers: ProviderFact[];
}

/**
 * What the checks across files need of a file's lint; `today` decides which care units are closed.
 * `lines` places offsets in lines and columns (a face that has them for the text already passes its own).
 */
export function factsOf(result: Pick<LintResult, 'text' | 'documents'>, today: string, lines: Pick<LineIndex, 'positionAt'> = lineIndexOf(result.text)): FileFacts {
  const seen = new Set<string>();
  const codes: CodeFact[] = [];
  for (const unit of unitCodesOf(result.documents)) {
    // A unit read through aliases is one unit at the one place it is written.
    const key = `${unit.span.start}:${unit.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    codes.push({ ...unit, start: lines.positionAt(unit.span.start), end: lines.positionAt(unit.span.end) });
  }
  const providers: ProviderFact[] = [];
  for (const document of result.documents) {
    const cvr = providerCvr(document);
    if (cvr !== undefined && document.provider) providers.push({ cvr, careUnit: hasOpenCareUnit(document, today), span: entitySpan(document.provider) });
  }
  return { codes, providers };
}

interface IndexedFile {
  label: string;
  facts: FileFacts;
}

interface Located {
  file: string;
  fact: CodeFact;
}

/**
 * The files of a workspace by name (the command: absolute paths; the server: URIs), with a map
 * from SOR code to its occurrences and from CVR to the files that describe it, so one file's
 * findings across files cost what that file has, whatever the workspace's size.
 */
export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly byCode = new Map<string, Located[]>();
  private readonly byCvr = new Map<string, Set<string>>();
  private readonly careUnitsByCvr = new Map<string, Set<string>>();

  /**
   * Adds the file, or replaces what the index knew of it. `label` names it in other files'
   * messages (a path relative to the working folder or workspace). Returns the other files whose
   * findings across files may have changed (those that share a code or a CVR with it, before or
   * after): a face re-asks `findingsOf` for them.
   */
  set(file: string, label: string, facts: FileFacts): string[] {
    const before = this.partnersOf(file);
    this.remove(file);
    this.files.set(file, { label, facts });
    for (const fact of facts.codes) push(this.byCode, fact.code, { file, fact });
    for (const provider of facts.providers) {
      add(this.byCvr, provider.cvr, file);
      if (provider.careUnit) add(this.careUnitsByCvr, provider.cvr, file);
    }
    return union(before, this.partnersOf(file));
  }

  /** Forgets the file; returns the other files whose findings across files may have changed. */
  delete(file: string): string[] {
    const before = this.partnersOf(file);
    this.remove(file);
    return before;
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /**
   * Whether a unit of the file shares its code with a unit of another file: then its findings
   * differ from its own lint's. A face that skipped linting an unchanged clean file (the command's
   * cache) lints it after all.
   */
  hasFindingsAcross(file: string): boolean {
    return (this.files.get(file)?.facts.codes ?? []).some((fact) => this.sharing(file, fact, 1).total > 0);
  }

  /** Every unit with the code, in every file, with the file's label (the editor's navigation between files). */
  occurrencesOf(code: string): { file: string; label: string; fact: CodeFact }[] {
    return (this.byCode.get(code) ?? []).map(({ file, fact }) => ({ file, label: this.files.get(file)!.label, fact }));
  }

  get size(): number {
    return this.files.size;
  }

  /**
   * The file's findings in the workspace: its own lint's, less a `no-careunit` on a provider whose
   * care unit another file gives it, and with a `sor-code` error on each unit whose code a unit of
   * another file shares, configured and suppressed as the file's (in `lang`, the file's language).
   * `result` is the file's lint, the one its facts came from; a file not in the index keeps its own.
   */
  findingsOf(file: string, result: LintResult, lang: Lang): Finding[] {
    const indexed = this.files.get(file);
    if (!indexed) return result.findings;
    const kept = result.findings.filter((finding) => !this.answeredElsewhere(file, indexed.facts, finding));
    const reports: RuleReport[] = [];
    for (const fact of indexed.facts.codes) {
      const { first, total } = this.sharing(file, fact, MAX_RELATED_ELSEWHERE);
      if (total > 0) reports.push({ rule: sorCode, report: sharedAcrossFiles(fact, first, total) });
    }
    if (reports.length === 0 && kept.length === result.findings.length) return result.findings;
    const across = settleReports({ text: result.text, documents: result.documents, directives: result.directives, configuration: result.configuration }, reports, lang);
    return [...kept, ...across].sort(byPosition);
  }

  /** The units of other files with the fact's code, but the same provider written in each: the first `limit` of them, and how many. */
  private sharing(file: string, fact: CodeFact, limit: number): { first: CodeElsewhere[]; total: number } {
    const first: CodeElsewhere[] = [];
    let total = 0;
    for (const other of this.byCode.get(fact.code) ?? []) {
      if (other.file === file || sameProvider(other.fact, fact)) continue;
      total++;
      if (first.length === limit) continue;
      const label = this.files.get(other.file)!.label;
      first.push({ unit: other.fact.unit, fileLabel: label, span: other.fact.span, file: { name: other.file, start: other.fact.start, end: other.fact.end } });
    }
    return { first, total };
  }

  /** A `no-careunit` on a provider that another file gives a care unit: one provider (CVR) split over files. */
  private answeredElsewhere(file: string, facts: FileFacts, finding: Finding): boolean {
    if (finding.ruleId !== noCareunit.id) return false;
    const provider = facts.providers.find((p) => p.span.start === finding.span.start && p.span.end === finding.span.end);
    const withCareUnit = provider && this.careUnitsByCvr.get(provider.cvr);
    return !!withCareUnit && [...withCareUnit].some((other) => other !== file);
  }

  private partnersOf(file: string): string[] {
    const facts = this.files.get(file)?.facts;
    if (!facts) return [];
    const partners = new Set<string>();
    for (const fact of facts.codes) for (const other of this.byCode.get(fact.code) ?? []) partners.add(other.file);
    for (const provider of facts.providers) for (const other of this.byCvr.get(provider.cvr) ?? []) partners.add(other);
    partners.delete(file);
    return [...partners];
  }

  private remove(file: string): void {
    const facts = this.files.get(file)?.facts;
    if (!facts) return;
    this.files.delete(file);
    for (const code of new Set(facts.codes.map((fact) => fact.code))) {
      const left = this.byCode.get(code)!.filter((located) => located.file !== file);
      if (left.length > 0) this.byCode.set(code, left);
      else this.byCode.delete(code);
    }
    for (const provider of facts.providers) {
      drop(this.byCvr, provider.cvr, file);
      drop(this.careUnitsByCvr, provider.cvr, file);
    }
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function drop(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
