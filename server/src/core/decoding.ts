// Bytes that are not UTF-8 are decoded as U+FFFD, the replacement character, by Node and by VS
// Code alike, so both faces lint the same text. Such a text is linted (the `encoding` rule says
// so) but never written back: the original bytes would be lost.
export const REPLACEMENT_CHARACTER = '\uFFFD';

export function holdsUndecodedBytes(text: string): boolean {
  return text.includes(REPLACEMENT_CHARACTER);
}
