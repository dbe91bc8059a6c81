// The day a lint is made for: closed units, dates to come and pending legal bases are judged
// against it. Every face defaults it the same way.

/** `today` (YYYY-MM-DD) when given, else today's date in UTC. */
export function dayOf(today?: string): string {
  return today ?? new Date().toISOString().slice(0, 10);
}
