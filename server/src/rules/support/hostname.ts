// A public host name as a website or an e-mail domain must have: dotted labels of letters (Danish
// æøå and other internationalised letters included), digits and inner hyphens, ending in a top-level
// domain of letters (or its punycode form). No IP addresses, no `localhost`, no single-label names.

const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

export function isPublicHostName(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  if (labels[labels.length - 1].toLowerCase() === 'localhost') return false;
  return TOP_LEVEL.test(labels[labels.length - 1]);
}
