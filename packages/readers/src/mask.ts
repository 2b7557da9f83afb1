/**
 * Masking web addresses: a URL is not prose, so it is replaced by spaces of the same length (the
 * same idea as core's Markdown and text readers, which do not export theirs). Pure.
 */
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]+/gi;

/** `text` with every URL replaced by spaces (same length). */
export function maskUrls(text: string): string {
  return text.replace(URL_RE, (m) => ' '.repeat(m.length));
}
