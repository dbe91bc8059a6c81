// Waiting on what the user would see: diagnostics as VS Code holds them, and the fixture's file.
import { copyFile, mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'sor-lint.sor-lint';
const WAIT_MS = 30_000;

/**
 * A fresh copy of a fixture (from test/vscode/fixtures, or the repository folder given) in its own
 * temporary folder, so edits never touch the repository.
 */
export async function copyOfFixture(name: string, folderInRepository = 'test/vscode/fixtures'): Promise<vscode.Uri> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sor-lint-test-'));
  const target = path.join(folder, name);
  await copyFile(path.join(extension.extensionPath, folderInRepository, name), target);
  return vscode.Uri.file(target);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** The rule id of a diagnostic, whether the code came as a plain value or with a link. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

/** Resolves with the document's diagnostics once they satisfy `accept` (now or after a change). */
export function diagnosticsWhen(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      finish();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${ruleOf(d)}@${d.range.start.line + 1}`);
      reject(new Error(`timed out waiting for ${what}; diagnostics now: [${seen.join(', ')}]`));
    }, WAIT_MS);
    function finish(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

export async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function diagnosticOf(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic> {
  const diagnostics = await diagnosticsWhen(uri, (all) => all.some((d) => ruleOf(d) === ruleId), `a ${ruleId} diagnostic`);
  return diagnostics.find((d) => ruleOf(d) === ruleId)!;
}

export async function noDiagnosticOf(uri: vscode.Uri, ruleId: string): Promise<void> {
  await diagnosticsWhen(uri, (all) => !all.some((d) => ruleOf(d) === ruleId), `the ${ruleId} diagnostic to go`);
}
