// An e-mail address as mail systems accept it in practice (RFC 5321/5322): one `@`, a dot-atom
// local part in ASCII, and a public domain name (see hostname.ts).
import { isPublicHostName } from './hostname.js';

export type EmailProblem = 'space' | 'at' | 'local-part' | 'domain' | 'length';

/** RFC 5322 atext, in dot-separated runs. */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

/** What is wrong with an e-mail address, or undefined when it is well formed. */
export function emailProblem(value: string): EmailProblem | undefined {
  if (/\s/.test(value)) return 'space';
  const at = value.indexOf('@');
  if (at < 0 || at !== value.lastIndexOf('@')) return 'at';
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!DOT_ATOM.test(local)) return 'local-part';
  if (!isPublicHostName(domain)) return 'domain';
  // RFC 5321's limits on the local part and on the whole address in an SMTP path.
  if (local.length > 64 || value.length > 254) return 'length';
  return undefined;
}
