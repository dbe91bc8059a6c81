// Editor latency of the language server: spawns the built server over stdio, opens generated
// providers of 1,000 and 10,000 care units, makes 30 small edits to each (one at a time), and
// prints the median and p95 of didChange → the diagnostics published for that version. The
// figures include the server's debounce (as long as the last lint took, 10-150 ms; --debounce N sets the cap).
// Usage: npm run build && node bench/lsp-latency.mjs [--debounce N] [--formats yaml,json]
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateProvider } from './generate.mjs';

const require = createRequire(import.meta.url);
const protocol = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const debounceMs = Number(option('--debounce', 150));
const formats = option('--formats', 'yaml,json').split(',');
const SIZES = [1_000, 10_000];
const EDITS = 30;

const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = protocol.createProtocolConnection(new protocol.StreamMessageReader(child.stdout), new protocol.StreamMessageWriter(child.stdin));
const waiting = new Map();
connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
  const key = `${params.uri}@${params.version}`;
  waiting.get(key)?.(params);
  waiting.delete(key);
});
// The server's own lint time per lint (its status notification), to tell lint from overhead.
const lintTimes = [];
connection.onNotification('sor-lint/status', (params) => lintTimes.push(params.lintMs));
connection.onRequest(protocol.ConfigurationRequest.type, (params) => params.items.map(() => ({})));
connection.listen();
await connection.sendRequest(protocol.InitializeRequest.type, {
  processId: process.pid,
  rootUri: null,
  capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { configuration: true } },
  initializationOptions: { debounceMs },
});
await connection.sendNotification(protocol.InitializedNotification.type, {});

function diagnosticsOf(uri, version) {
  return new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

console.log(`didChange → diagnostics of that version, ${EDITS} edits per file, debounce ${debounceMs} ms`);
for (const format of formats) {
  for (const units of SIZES) {
    const uri = pathToFileURL(join(root, 'bench', 'out', `latency-${units}.sor.${format}`)).href;
    const document = TextDocument.create(uri, format, 1, generateProvider({ units, format, violations: true }));
    const opened = diagnosticsOf(uri, 1);
    const openStart = performance.now();
    await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: format, version: 1, text: document.getText() },
    });
    const first = await opened;
    const openMs = performance.now() - openStart;
    // Small edits spread through the file: retype one character of a unit's name.
    const latencies = [];
    lintTimes.length = 0;
    for (let i = 0; i < EDITS; i++) {
      const text = document.getText();
      const at = text.indexOf('Plejecenter ', Math.floor((text.length * i) / EDITS)) + 'Plejecenter '.length;
      const range = { start: document.positionAt(at), end: document.positionAt(at + 1) };
      const version = document.version + 1;
      const change = { range, text: String.fromCharCode(65 + (i % 26)) };
      TextDocument.update(document, [change], version);
      const published = diagnosticsOf(uri, version);
      const start = performance.now();
      await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
      await published;
      latencies.push(performance.now() - start);
    }
    latencies.sort((a, b) => a - b);
    lintTimes.sort((a, b) => a - b);
    const ms = (value) => `${value.toFixed(0)} ms`;
    console.log(
      `${format.padEnd(4)} ${String(units).padStart(6)} units (${first.diagnostics.length} diagnostics): open ${ms(openMs)}, edit median ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))} (of which linting: median ${ms(percentile(lintTimes, 50))})`,
    );
    await connection.sendNotification(protocol.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }
}
await connection.sendRequest(protocol.ShutdownRequest.type);
await connection.sendNotification(protocol.ExitNotification.type);
connection.dispose();
child.kill();
