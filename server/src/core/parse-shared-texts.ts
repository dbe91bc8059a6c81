// One string for each short text a file repeats (keys, unit types, postcodes): a reader makes a
// new copy of each, and a national file holds millions of them to the end of the lint.

const MAX_SHARED_LENGTH = 16;
const MAX_SHARED_TEXTS = 10_000;

export class SharedTexts {
  private readonly texts = new Map<string, string>();

  /** The one string for a short text; a longer one as it is. */
  of(text: string): string {
    if (text.length > MAX_SHARED_LENGTH) return text;
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size < MAX_SHARED_TEXTS) this.texts.set(text, text);
    return text;
  }
}
