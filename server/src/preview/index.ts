// The plejeoverblikket preview (issue 6): the model, its text and webview renderings (the subcommand is cli/preview-command.ts).
export { buildPreview, PREVIEW_VERSION } from './model.js';
export type { Preview, PreviewOptions, PreviewProvider, PreviewCareUnit, PreviewContact, PreviewAddress, PreviewFinding, PreviewTreeNode, PreviewState, TreeRole } from './model.js';
export { renderPreviewText } from './text.js';
export { renderPreviewHtml } from './html.js';
export type { RevealMessage, ShowUnitMessage, WebviewSecurity } from './html.js';
