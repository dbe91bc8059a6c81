// Keystroke latency with a workspace (issue 13): the same edits to a provider of 1,000 care units,
// first with that file alone in its workspace folder, then with 99 other providers' files (each
// its own CVR and codes, one of them sharing a code with the edited file) on disk and open in the
// editor, so the server's workspace index holds 100 files; and the same 100 open with the index off
// (sor-lint.workspace.maxFiles 0). Prints the median and p95 of didChange → the diagnostics of that
// version, and the workspace's median over the lone file's and over the index-off run's.
// Usage: npm run build && node bench/lsp-workspace.mjs [--files 100] [--units 1000] [--other-units 20]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateProvider } from './generate.mjs';

const require = createRequire(import.meta.url);
const protocol = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const FILES = option('--files', 100);
const UNITS = option('--units', 1000);
const OTHER_UNITS = option('--other-units', 20);
const EDITS = 30;

/** A provider's YAML with its own CVR and SOR codes from `firstCode` on. */
function provider(index, units, firstCode) {
  return generateProvider({ units, format: 'yaml', violations: true, firstCode, cvr: String(10_000_000 + index * 7919).slice(0, 8) });
}

async function measure(label, files, settings = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'sor-lint-bench-workspace-'));
  writeFileSync(join(folder, '.sor-lint.json'), '{ "root": true }');
  for (const [name, text] of files) writeFileSync(join(folder, name), text);
  const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    const key = `${params.uri}@${params.version}`;
    waiting.get(key)?.(params);
    waiting.delete(key);
  });
  let indexed;
  // Checked alone, the workspace is not read: nothing to wait for.
  const read = settings.workspace?.maxFiles === 0 ? Promise.resolve() : new Promise((resolve) => (indexed = resolve));
  connection.onNotification(protocol.LogMessageNotification.type, (params) => params.message.includes('SOR files of the workspace read') && indexed?.());
  connection.onRequest(protocol.ConfigurationRequest.type, (params) => params.items.map(() => settings));
  connection.listen();
  const folderUri = pathToFileURL(folder).href;
  await connection.sendRequest(protocol.InitializeRequest.type, {
    processId: process.pid,
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: 'bench' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, codeLens: {} }, workspace: { configuration: true } },
  });
  await connection.sendNotification(protocol.InitializedNotification.type, {});
  await read;
  const diagnosticsOf = (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));
  // Every file open, the edited one last.
  const documents = files.map(([name, text]) => TextDocument.create(pathToFileURL(join(folder, name)).href, 'yaml', 1, text));
  await Promise.all(
    documents.map((document) => {
      const opened = diagnosticsOf(document.uri, 1);
      void connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, { textDocument: { uri: document.uri, languageId: 'yaml', version: 1, text: document.getText() } });
      return opened;
    }),
  );
  const document = documents[0];
  const latencies = [];
  for (let i = 0; i < EDITS; i++) {
    const text = document.getText();
    const at = text.indexOf('Plejecenter ', Math.floor((text.length * i) / EDITS)) + 'Plejecenter '.length;
    const change = { range: { start: document.positionAt(at), end: document.positionAt(at + 1) }, text: String.fromCharCode(65 + (i % 26)) };
    const version = document.version + 1;
    TextDocument.update(document, [change], version);
    const published = diagnosticsOf(document.uri, version);
    const start = performance.now();
    await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri: document.uri, version }, contentChanges: [change] });
    await published;
    latencies.push(performance.now() - start);
  }
  await connection.sendRequest(protocol.ShutdownRequest.type);
  await connection.sendNotification(protocol.ExitNotification.type);
  connection.dispose();
  child.kill();
  rmSync(folder, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const median = percentile(latencies, 50);
  console.log(`${label.padEnd(34)} edit median ${median.toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`);
  return median;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const edited = ['edited.sor.yaml', provider(0, UNITS, 1000)];
const others = [];
for (let i = 1; i < FILES; i++) {
  // The second file's first unit shares the edited file's last code: one conflict across files.
  const first = i === 1 ? 1000 + UNITS - 1 : 100_000 + i * 1000;
  others.push([`provider-${i}.sor.yaml`, provider(i, OTHER_UNITS, first)]);
}
console.log(`didChange → diagnostics of that version, ${EDITS} edits to a ${UNITS}-unit provider`);
const alone = await measure('alone in its folder', [edited]);
// The same open files, each checked alone: what keeping 100 documents costs, without the index.
const separate = await measure(`${FILES - 1} others open, index off`, [edited, ...others], { workspace: { maxFiles: 0 } });
const together = await measure(`${FILES - 1} others open and indexed`, [edited, ...others]);
console.log(`workspace / alone: ${(together / alone).toFixed(2)}x; workspace / the same files checked alone: ${(together / separate).toFixed(2)}x`);
