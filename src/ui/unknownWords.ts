/**
 * Billing values the catalogs have no words for (a status or transaction type Zoho added later). The UI shows
 * them in the agent's language all the same (English humanises Billing's spelling; Japanese says その他…), and
 * reports each here so the diagnostics can name it and a key can be added. ui is a leaf: the widget's entry
 * wires the report to the host's observations.
 */
export type UnknownWordKind = 'status' | 'transaction';
type Listener = (kind: UnknownWordKind, value: string) => void;

let listener: Listener | null = null;

export function onUnknownWord(next: Listener | null): void {
  listener = next;
}

/** Deferred: it is called while rendering, and the record it feeds may re-render another component. */
export function reportUnknownWord(kind: UnknownWordKind, value: string): void {
  const l = listener;
  if (l) queueMicrotask(() => l(kind, value));
}
