// The preview as the VS Code webview's HTML: a card per care unit with its state (green shown,
// red rejected, said in words too), its contact data, and its blocking findings as links to their
// lines; the SOR tree with each unit's role. Colours come from the theme (`var(--vscode-…)`);
// the only script carries the nonce the Content-Security-Policy allows, and posts
// `{ type: 'reveal', line, column }` (1-based) when a link is followed. It scrolls to the care unit
// of a line when asked (`{ type: 'showUnit', line }`, or `focusLine` when rendered), as the
// editor's verdict lens does.
import type { Lang } from '../core/i18n.js';
import { CONTACT_FIELDS } from '../core/inheritance.js';
import type { PreviewLabels } from './labels.js';
import { previewLabels } from './labels.js';
import type { Preview, PreviewCareUnit, PreviewFinding, PreviewProvider, PreviewTreeNode } from './model.js';
import { contactText } from './text.js';

export interface WebviewSecurity {
  /** The webview's `cspSource` (for stylesheets or images it may load). */
  cspSource: string;
  /** A fresh random value per rendering; only elements carrying it may run or style. */
  nonce: string;
}

/** The message the webview posts when the user follows a finding or tree link. */
export interface RevealMessage {
  type: 'reveal';
  line: number;
  column: number;
}

/** The message the extension posts to bring the card of the care unit on a line (1-based) into view. */
export interface ShowUnitMessage {
  type: 'showUnit';
  line: number;
}

/** `focusLine`: the line of the care unit to scroll to once the page is shown. */
export function renderPreviewHtml(preview: Preview, lang: Lang, security: WebviewSecurity, focusLine?: number): string {
  const labels = previewLabels(lang);
  const nonce = escapeHtml(security.nonce);
  const { shown, careUnits, rejected, closed } = preview.summary;
  const csp = `default-src 'none'; img-src ${security.cspSource}; style-src ${security.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(labels.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body${focusLine ? ` data-focus-line="${focusLine}"` : ''}>
<main>
<h1>${escapeHtml(labels.title)}</h1>
<p class="summary">${escapeHtml(labels.summary(shown, careUnits, rejected, closed))}</p>
${findingSection(labels.fileErrors, preview.fileErrors, 'h2', labels)}
${preview.providers.map((provider, index) => providerHtml(provider, index, labels)).join('\n')}
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

function providerHtml(provider: PreviewProvider, index: number, labels: PreviewLabels): string {
  const id = `provider-${index}`;
  const facts = [
    provider.cvr && fact(labels.cvr, escapeHtml(provider.cvr)),
    fact(labels.sorCode, escapeHtml(provider.sorId ?? labels.newUnit)),
  ].filter(Boolean);
  const cards = provider.careUnits.map((unit, unitIndex) => `<li>${careUnitHtml(unit, `${id}-unit-${unitIndex}`, labels)}</li>`).join('\n');
  return `<section class="provider" aria-labelledby="${id}">
<h2 id="${id}"><span class="kind">${escapeHtml(labels.provider)}:</span> ${escapeHtml(provider.name)}</h2>
<dl class="facts">${facts.join('')}</dl>
${findingSection(labels.providerBlocking, provider.blocking, 'h3', labels)}
${provider.careUnits.length > 0 ? `<ul class="cards">\n${cards}\n</ul>` : `<p>${escapeHtml(labels.noCareUnits)}</p>`}
<section class="tree" aria-labelledby="${id}-tree">
<h3 id="${id}-tree">${escapeHtml(labels.tree)}</h3>
<p>${escapeHtml(labels.treeIntro)}</p>
<ul>${treeHtml(provider.tree, labels)}</ul>
</section>
</section>`;
}

function careUnitHtml(unit: PreviewCareUnit, id: string, labels: PreviewLabels): string {
  const mark = { shown: '✓', rejected: '✗', closed: '–' }[unit.state];
  const facts = [fact(labels.sorCode, escapeHtml(unit.sorId ?? labels.newUnit)), ...CONTACT_FIELDS.map((field) => fact(labels[field], escapeHtml(contactText(unit[field], labels))))];
  return `<article class="card ${unit.state}" aria-labelledby="${id}" data-unit-line="${unit.line}" tabindex="-1">
<h3 id="${id}">${escapeHtml(unit.name)}</h3>
<p class="state"><span class="mark" aria-hidden="true">${mark}</span> <strong>${escapeHtml(labels.state[unit.state])}</strong>: ${escapeHtml(labels.stateReason[unit.state])} ${lineLink(unit.line, 1, labels.line(unit.line))}</p>
${unit.foldedPath.length > 0 ? `<p class="folded">${escapeHtml(labels.folded(unit.foldedPath))}</p>` : ''}
<dl class="facts">${facts.join('')}</dl>
${findingSection(labels.blocking, unit.blocking, 'h4', labels)}
${findingSection(labels.warnings, unit.warnings, 'h4', labels)}
</article>`;
}

function findingSection(heading: string, findings: PreviewFinding[], level: 'h2' | 'h3' | 'h4', labels: PreviewLabels): string {
  if (findings.length === 0) return '';
  const items = findings
    .map((finding) => `<li class="${finding.severity}">${lineLink(finding.line, finding.column, labels.line(finding.line))}: ${escapeHtml(finding.message)} <code>${escapeHtml(finding.ruleId)}</code></li>`)
    .join('\n');
  return `<${level}>${escapeHtml(heading)}</${level}>\n<ul class="findings">\n${items}\n</ul>`;
}

function treeHtml(node: PreviewTreeNode, labels: PreviewLabels): string {
  const type = node.unitType ? ` <span class="type">(${escapeHtml(node.unitType)})</span>` : '';
  const role = `${labels.role[node.role]}${node.closed ? `, ${labels.closed}` : ''}`;
  const children = node.children.length > 0 ? `<ul>${node.children.map((child) => treeHtml(child, labels)).join('')}</ul>` : '';
  return `<li class="role-${node.role}">${lineLink(node.line, 1, node.name)}${type} <span class="role">→ ${escapeHtml(role)}</span>${children}</li>`;
}

function fact(term: string, description: string): string {
  return `<div><dt>${escapeHtml(term)}</dt><dd>${description}</dd></div>`;
}

/** A real link (focusable, Enter follows it) that the script turns into a reveal message. */
function lineLink(line: number, column: number, text: string): string {
  return `<a href="#" data-line="${line}" data-column="${column}">${escapeHtml(text)}</a>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); line-height: 1.45; padding: 0 1rem 2rem; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 1.6em; } h3 { font-size: 1.05em; margin: 0.2em 0; } h4 { font-size: 1em; margin: 0.8em 0 0.2em; }
.kind { font-weight: normal; color: var(--vscode-descriptionForeground); }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: 0.8rem; }
.card { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, currentColor)); border-left-width: 0.4rem; border-radius: 4px; padding: 0.6rem 0.8rem; background: var(--vscode-editorWidget-background, transparent); }
.card.shown { border-left-color: var(--vscode-testing-iconPassed, #388a34); }
.card.rejected { border-left-color: var(--vscode-errorForeground, #e51400); }
.card.closed { border-left-color: var(--vscode-disabledForeground, #888888); }
.shown .mark { color: var(--vscode-testing-iconPassed, #388a34); }
.rejected .mark { color: var(--vscode-errorForeground, #e51400); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.4rem 0; }
.facts div { display: contents; }
dt { color: var(--vscode-descriptionForeground); } dd { margin: 0; overflow-wrap: anywhere; }
.findings { padding-left: 1.2rem; } .findings li { margin: 0.2rem 0; }
a { color: var(--vscode-textLink-foreground); } a:hover { color: var(--vscode-textLink-activeForeground); }
a:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 2px; }
code { font-family: var(--vscode-editor-font-family); color: var(--vscode-textPreformat-foreground); }
.tree ul { list-style: none; padding-left: 1.2rem; border-left: 1px solid var(--vscode-tree-indentGuidesStroke, var(--vscode-panel-border, currentColor)); }
.tree .role { color: var(--vscode-descriptionForeground); }
.tree .role-care-unit > .role { color: var(--vscode-foreground); font-weight: 600; }
`;

const SCRIPT = `
(function () {
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  document.addEventListener('click', function (event) {
    const link = event.target instanceof Element ? event.target.closest('a[data-line]') : null;
    if (!link) return;
    event.preventDefault();
    if (vscode) vscode.postMessage({ type: 'reveal', line: Number(link.dataset.line), column: Number(link.dataset.column) });
  });
  function showUnit(line) {
    const card = document.querySelector('[data-unit-line="' + line + '"]');
    if (!card) return;
    card.scrollIntoView({ block: 'start' });
    card.focus({ preventScroll: true });
  }
  window.addEventListener('message', function (event) {
    const message = event.data;
    if (message && message.type === 'showUnit' && Number.isInteger(message.line)) showUnit(message.line);
  });
  if (document.body.dataset.focusLine) showUnit(Number(document.body.dataset.focusLine));
})();
`;
