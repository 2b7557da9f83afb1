/**
 * @sourdough/readers — files and streams → documents (docx, html, csv, jsonl, stdin, globs).
 * Placeholder surface until the CLI issue lands the real readers.
 */
export {};
