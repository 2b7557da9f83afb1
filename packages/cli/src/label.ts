/**
 * The parts of a read document that label its result (path, id, row, meta), in output order.
 * Kept apart from the engine so the worker pool can label error entries without loading it.
 */

/** A result's label: where the document came from. */
export interface Label {
  path: string;
  id?: string;
  row?: number;
  meta?: Record<string, string>;
}

/** The label of a read document, with its fields in output order. */
export function labelOf(item: Label): Label {
  const out: Label = { path: item.path };
  if (item.id !== undefined) out.id = item.id;
  if (item.row !== undefined) out.row = item.row;
  if (item.meta !== undefined) out.meta = item.meta;
  return out;
}

/** "file" or "file row N", for error messages. */
export function whereOf(item: { path: string; row?: number | undefined }): string {
  return `${item.path}${item.row !== undefined ? ` row ${item.row}` : ''}`;
}
