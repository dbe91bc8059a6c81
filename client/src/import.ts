// "Import provider from SOR export…": one provider's structure out of SOR's daily CSV export,
// opened as a new, unsaved document whose name is `<provider>.sor.yaml` beside the CSV: nothing is
// written until the user saves, and the name makes it a SOR file the server checks at once. The
// importer runs here in the extension host; it streams, so the national file is never held in memory.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ImportError } from '../../server/src/import/errors.js';
import { importProvider } from '../../server/src/import/import.js';
import { userLang } from './lang.js';

/** What the provider prompt accepts; the importer makes the same distinction. */
const PROVIDER_PATTERN = /^(\d{8}|\d{11,18})$/;

/**
 * Asks for what is not given: the CSV file, then the provider's CVR number or SOR code. Callers
 * (tests, other extensions) may pass both and skip the dialogs. Resolves with the opened document,
 * or undefined when the user cancelled or the import failed (the error is shown).
 */
export async function importFromSorExport(csvUri?: vscode.Uri, provider?: string): Promise<vscode.TextDocument | undefined> {
  const source = csvUri ?? (await askForExport());
  if (!source) return undefined;
  const key = provider ?? (await askForProvider());
  if (key === undefined) return undefined;
  const lang = userLang();
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing the provider from {0}…', path.basename(source.fsPath)) },
      () => importProvider(source.fsPath, { provider: key, lang }),
    );
    const document = await openUnsaved(vscode.Uri.joinPath(source, '..', await freeFileName(source, result.provider.name)), result.yaml);
    await vscode.window.showTextDocument(document);
    return document;
  } catch (error) {
    const reason = error instanceof ImportError ? error.reason[lang] : error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('The import failed: {0}', reason));
    return undefined;
  }
}

async function askForExport(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Import'),
    title: vscode.l10n.t('SOR\'s daily export (SorEntity_daily.csv)'),
    filters: { [vscode.l10n.t('SOR export (CSV)')]: ['csv'] },
  });
  return picked?.[0];
}

function askForProvider(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('The provider to import'),
    prompt: vscode.l10n.t('The provider\'s CVR number (8 digits) or its SOR code (11-18 digits).'),
    placeHolder: '29403473',
    ignoreFocusOut: true,
    validateInput: (value) =>
      PROVIDER_PATTERN.test(value.replace(/\s/g, '')) ? undefined : vscode.l10n.t('Write a CVR number (8 digits) or a SOR code (11-18 digits).'),
  }).then((value) => value?.replace(/\s/g, ''));
}

/** An untitled document that saves to `target` (a SOR file by its name), holding `text`. */
async function openUnsaved(target: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  const uri = target.with({ scheme: 'untitled' });
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  await vscode.workspace.applyEdit(edit);
  return document;
}

/** `<provider>.sor.yaml`, numbered when a file or an open document already has the name. */
async function freeFileName(csv: vscode.Uri, providerName: string): Promise<string> {
  const stem = providerName.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '') || 'provider';
  for (let count = 1; ; count++) {
    const name = count === 1 ? `${stem}.sor.yaml` : `${stem}-${count}.sor.yaml`;
    const candidate = vscode.Uri.joinPath(csv, '..', name);
    const open = vscode.workspace.textDocuments.some((document) => document.uri.path === candidate.path);
    if (!open && !(await exists(candidate))) return name;
  }
}

function exists(uri: vscode.Uri): Thenable<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
