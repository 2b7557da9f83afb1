/**
 * Bidirectional overrides and isolates (U+202A–202E, U+2066–2069), the characters of "Trojan
 * Source" (CVE-2021-42574). In text from the data they make what a table cell, chart label or
 * spreadsheet cell shows read in a different order from what it holds, so every reporter that
 * shows such text as it is (the audit report, the check html page, the CSV files) shows them as
 * �, as the stylish reporter does. Pure.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** `s` with each bidirectional control replaced by U+FFFD (�). */
export function neutraliseBidi(s: string): string {
  return s.replace(BIDI_CONTROLS, '\ufffd');
}

/**
 * JSON text with each bidirectional control written as its `\uXXXX` escape. Lossless (a JSON
 * parser reads back the same string) and valid anywhere in JSON text, since the characters can
 * only occur inside strings; but a terminal or editor showing the report no longer reorders the
 * line around them. For the machine formats (json, sarif, and the server's JSON answers), which must
 * keep the data exact.
 */
export function escapeBidiJson(json: string): string {
  return json.replace(BIDI_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Whether `s` holds a bidirectional control (`search` ignores the global regex's `lastIndex`). */
export function hasBidi(s: string): boolean {
  return s.search(BIDI_CONTROLS) !== -1;
}
