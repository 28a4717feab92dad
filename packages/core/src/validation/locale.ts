/**
 * A practice's locale as its canonical BCP 47 tag ("en-us" → "en-US"), or null when the text is not a well-formed
 * tag or names a locale the date formatter does not know (a tag like "xx-ZZ" would silently fall back to another).
 */
export const canonicalLocale = (tag: string): string | null => {
  let canonical: string[];
  try {
    canonical = Intl.getCanonicalLocales(tag);
  } catch {
    return null;
  }
  const [first] = canonical;
  if (canonical.length !== 1 || first === undefined) return null;
  return Intl.DateTimeFormat.supportedLocalesOf([first]).length === 1 ? first : null;
};

/** The locale of a practice that has not chosen one. */
export const defaultPracticeLocale = "en-US";
