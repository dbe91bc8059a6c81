// The language server's workspace index (issue 13), kept in the lint worker beside the kept lints,
// since a file's facts come from its trees: the open documents from their last lint, the closed
// SOR files of the workspace folders from disk (workspace-files.ts), read at start and again when
// the client's file watcher reports a change, never on a keystroke. An open document's shown
// findings are its findings in the workspace (core/workspace.ts); a change to one file names the
// partners whose findings across files may have changed; closed files' findings across files go
// out through workspace diagnostics; navigation reaches units of other files through it.
import { relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/finding.js';
import type { Lang } from '../core/i18n.js';
import type { LintResult } from '../core/lint.js';
import { languageOf } from '../core/parse.js';
import type { FileFacts } from '../core/workspace.js';
import { factsOf, WorkspaceIndex } from '../core/workspace.js';
import { sameProvider } from '../rules/sor-code.js';
import { analyse } from './analysis.js';
import { PositionMapper, toDiagnostics } from './diagnostics.js';
import type { LintSetup, SetupContext } from './file-config.js';
import { fsPathOf, lintSetupFor } from './file-config.js';
import type { KeptLint } from './lint-job.js';
import { lintWith } from './lint-job.js';
import type { CodeOccurrence, OtherFiles } from './navigation.js';
import type { Settings } from './settings.js';
import type { FoundFiles, IndexBounds } from './workspace-files.js';
import { findSorFiles, indexKeyOf, isInside, isWorkspaceSorFile, readSorFile, uriOfPath } from './workspace-files.js';
import { dayOf } from '../core/today.js';

/** How the closed files are read and linted: with the workspace folder's settings, as of `today`. */
export interface ClosedScope {
  settings: Settings;
  context: Omit<SetupContext, 'logError'>;
  today: string | undefined;
}

/**
 * Text one `read` message indexes at most, beyond its first file: an editor's lint that comes while
 * the workspace is read at start waits for this much (a 1,000-unit file is about 500 KB).
 */
const READ_BUDGET_BYTES = 256 * 1024;

/** What the server's main thread asks of the index (handlers/workspace.ts). */
export type WorkspaceWork =
  /** The SOR files of the workspace folders, within the bounds (the index is emptied of closed files first). */
  | { kind: 'find'; folders: string[]; bounds: IndexBounds }
  /** Read the first of these files of the walk and index them (a few at a time, so lints go between). */
  | { kind: 'read'; paths: string[]; scope: ClosedScope }
  /** Files changed on disk or documents closed: read from disk again, or dropped when gone. */
  | { kind: 'changed'; uris: string[]; scope: ClosedScope }
  /** The closed files' findings across files; `generation` changes with the configuration. */
  | { kind: 'report'; scope: ClosedScope; generation: number };

/** A closed file's findings across files, as the JSON text of LSP diagnostics. */
export interface ClosedFindings {
  uri: string;
  diagnostics: string;
}

export interface WorkspaceReplies {
  find: FoundFiles;
  /** The files whose findings across files may have changed: open documents by the client's URI. */
  /** `read`: how many of the paths it read (the first ones). */
  read: { partners: string[]; logs: string[]; read: number };
  changed: { partners: string[]; logs: string[] };
  report: { files: ClosedFindings[]; logs: string[] };
}

interface ClosedFile {
  path: string;
  bytes: number;
  /** Its lint, made when it first had findings across files and kept until it changes. */
  lint?: { generation: number; result: LintResult; lang: Lang };
}

class ServerWorkspace {
  private readonly index = new WorkspaceIndex();
  /** Open documents: index key → the client's URI. */
  private readonly open = new Map<string, string>();
  /** The facts of each open document's last lint. */
  private readonly openFacts = new Map<string, FileFacts>();
  private readonly closed = new Map<string, ClosedFile>();
  private folders: string[] = [];
  private bounds: IndexBounds = { maxFiles: 0, maxBytes: 0 };
  private closedBytes = 0;

  /** An open document's new lint: its facts replace what the index knew of the file. */
  setOpen(lint: KeptLint): string[] {
    const { uri } = lint.job;
    const key = indexKeyOf(uri);
    this.open.set(key, uri);
    this.dropClosed(key);
    const folder = lint.job.context.workspaceFolder;
    // The editor's document counts its lines once, for these places and its diagnostics alike.
    const mapper = new PositionMapper(lint.document, lint.result.bom);
    const facts = factsOf(lint.result, dayOf(lint.job.today), { positionAt: (offset) => mapper.range({ start: offset, end: offset }).start });
    const before = this.seenByOthers(key, this.openFacts.get(key));
    this.openFacts.set(key, facts);
    const partners = this.index.set(key, this.labelOf(key, folder ? [folder] : this.folders), facts);
    // A keystroke that changed nothing other files see (a name, a phone number) shows nothing again there.
    return before === this.seenByOthers(key, facts) ? [] : this.partners(partners);
  }

  /** What other files' findings read of the file's facts: its codes they share (units, places, CVRs) and its providers. */
  private seenByOthers(key: string, facts: FileFacts | undefined): string {
    if (!facts) return '';
    const shared = facts.codes.filter((fact) => this.index.occurrencesOf(fact.code).some((other) => other.file !== key));
    return JSON.stringify([shared, facts.providers.map((provider) => [provider.cvr, provider.careUnit])]);
  }

  /** An open document that is not linted (ignored, or the core failed): it is not part of the workspace. */
  dropOpen(uri: string): string[] {
    const key = indexKeyOf(uri);
    this.open.delete(key);
    this.openFacts.delete(key);
    return this.partners(this.index.delete(key));
  }

  /** The document closed: the disk's text stands for it again once read ('changed'). */
  closeDocument(uri: string): void {
    const key = indexKeyOf(uri);
    this.open.delete(key);
    this.openFacts.delete(key);
  }

  /** The open document's findings in the workspace. */
  findingsOf(lint: KeptLint): Finding[] {
    return this.index.findingsOf(indexKeyOf(lint.job.uri), lint.result, lint.setup.lang);
  }

  /**
   * The units of other files than `uri` with a SOR code, for navigation: those the `sor-code`
   * check finds in conflict (another provider's; a provider split over files writes its own code in each).
   */
  otherFilesFor(uri: string): OtherFiles {
    const key = indexKeyOf(uri);
    return {
      occurrencesOf: (code: string): CodeOccurrence[] => {
        const here = (this.openFacts.get(key)?.codes ?? []).filter((fact) => fact.code === code);
        return this.index
          .occurrencesOf(code)
          .filter((other) => other.file !== key && (here.length === 0 || here.some((fact) => !sameProvider(fact, other.fact))))
          .map(({ file, fact }) => ({ uri: this.open.get(file) ?? file, range: { start: fact.start, end: fact.end }, name: fact.unit }));
      },
    };
  }

  serve<K extends WorkspaceWork['kind']>(work: Extract<WorkspaceWork, { kind: K }>): Promise<WorkspaceReplies[K]> | WorkspaceReplies[K];
  serve(work: WorkspaceWork): Promise<WorkspaceReplies[keyof WorkspaceReplies]> | WorkspaceReplies[keyof WorkspaceReplies] {
    switch (work.kind) {
      case 'find':
        return this.find(work.folders, work.bounds);
      case 'read':
        return this.readAll(work.paths, work.scope);
      case 'changed':
        return this.changed(work.uris, work.scope);
      case 'report':
        return this.report(work);
    }
  }

  private find(folders: string[], bounds: IndexBounds): FoundFiles {
    for (const key of [...this.closed.keys()]) {
      this.dropClosed(key);
      this.index.delete(key);
    }
    this.folders = folders;
    this.bounds = bounds;
    return findSorFiles(folders, bounds);
  }

  /** The first of the paths, until READ_BUDGET_BYTES of text (at least one file): a lint waits for no more. */
  private async readAll(paths: string[], scope: ClosedScope): Promise<WorkspaceReplies['read']> {
    const partners = new Set<string>();
    const logs: string[] = [];
    const bytesBefore = this.closedBytes;
    let read = 0;
    while (read < paths.length && (read === 0 || this.closedBytes - bytesBefore < READ_BUDGET_BYTES)) {
      for (const partner of await this.readClosed(paths[read++], scope, logs)) partners.add(partner);
    }
    return { partners: [...partners], logs, read };
  }

  private async changed(uris: string[], scope: ClosedScope): Promise<WorkspaceReplies['changed']> {
    const partners = new Set<string>();
    const logs: string[] = [];
    for (const uri of uris) {
      const key = indexKeyOf(uri);
      // An open document's text is the editor's, not the disk's.
      if (this.open.has(key)) continue;
      const path = fsPathOf(uri);
      const found = path !== undefined && this.folders.some((folder) => isWorkspaceSorFile(folder, path)) ? await this.readClosed(path, scope, logs) : this.forgetClosed(key);
      for (const partner of found) partners.add(partner);
    }
    return { partners: [...partners], logs };
  }

  /** Reads a closed file into the index (within the bounds), or forgets it when it cannot be read or its configuration ignores it. */
  private async readClosed(path: string, scope: ClosedScope, logs: string[]): Promise<string[]> {
    const key = uriOfPath(path);
    if (this.open.has(key)) return [];
    const known = this.closed.get(key);
    const room = this.bounds.maxBytes - this.closedBytes + (known?.bytes ?? 0);
    const text = (known || this.closed.size < this.bounds.maxFiles) && room > 0 ? readSorFile(path, room) : undefined;
    if (text === undefined || (await this.setupOf(key, scope, logs)).config.ignored) return this.forgetClosed(key);
    this.dropClosed(key);
    const bytes = Buffer.byteLength(text);
    this.closed.set(key, { path, bytes });
    this.closedBytes += bytes;
    const facts = factsOf(analyse(text, languageOf(path)), dayOf(scope.today));
    return this.partners(this.index.set(key, this.labelOf(key, this.folders), facts));
  }

  /** The file is no longer in the workspace as the disk has it (gone, unreadable, or a closed document outside it). */
  private forgetClosed(key: string): string[] {
    this.dropClosed(key);
    return this.index.has(key) ? this.partners(this.index.delete(key)) : [];
  }

  private dropClosed(key: string): void {
    const known = this.closed.get(key);
    if (!known) return;
    this.closedBytes -= known.bytes;
    this.closed.delete(key);
  }

  /** Each closed file that shares a SOR code with another file: those findings, linted with its configuration. */
  private async report(work: Extract<WorkspaceWork, { kind: 'report' }>): Promise<WorkspaceReplies['report']> {
    const files: ClosedFindings[] = [];
    const logs: string[] = [];
    for (const [key, file] of this.closed) {
      if (!this.index.hasFindingsAcross(key)) continue;
      if (file.lint?.generation !== work.generation) {
        const text = readSorFile(file.path, this.bounds.maxBytes);
        if (text === undefined) continue;
        const setup = await this.setupOf(key, work.scope, logs);
        if (setup.config.ignored) continue;
        const result = lintWith({ uri: key, language: languageOf(file.path), today: work.scope.today }, setup)(text);
        file.lint = { generation: work.generation, result, lang: setup.lang };
      }
      const { result, lang } = file.lint;
      const own = new Set(result.findings);
      const across = this.index.findingsOf(key, result, lang).filter((finding) => !own.has(finding));
      const document = TextDocument.create(key, result.language, 0, result.text);
      files.push({ uri: key, diagnostics: JSON.stringify(toDiagnostics({ ...result, findings: across }, document)) });
    }
    return { files, logs };
  }

  private setupOf(key: string, scope: ClosedScope, logs: string[]): Promise<LintSetup> {
    return lintSetupFor(key, scope.settings, { ...scope.context, logError: (message) => logs.push(message) });
  }

  /** Partners by the client's URI when open. */
  private partners(keys: string[]): string[] {
    return keys.map((key) => this.open.get(key) ?? key);
  }

  /** A file's name in other files' messages: its path in the workspace folder. */
  private labelOf(key: string, folders: readonly string[]): string {
    const path = fsPathOf(key);
    if (!path) return key;
    const folder = folders.find((candidate) => isInside(candidate, path));
    return folder ? relative(folder, path) : path;
  }
}

/** The worker's one index. */
export const workspace = new ServerWorkspace();
