/** Every message a user sees exists in Danish and English. */
export type Lang = 'da' | 'en';

export interface Msg {
  da: string;
  en: string;
}

export function msg(da: string, en: string): Msg {
  return { da, en };
}

/** Danish for a Danish locale (`da`, `da-DK`, `da_DK.UTF-8`), English for everything else. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^da(?:[-_.]|$)/i.test(locale) ? 'da' : 'en';
}

/** The locale of this process, as POSIX tools read it. */
export function langFromEnvironment(env: NodeJS.ProcessEnv = process.env): Lang {
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
