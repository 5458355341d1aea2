/**
 * The pending record of one write in Desk storage (group 'write'): its key, its checked shape, and how
 * it tells whether the earlier POST landed. writeGuard.ts decides when to keep, check and clear it.
 */
import { listOf, nullable, oneOf, shape, str, strict, type Checked } from '../../billing/read';
import type { DocumentInput } from '../../billing/types';
import { fnv1a } from '../../host/storageRules';
import type { DeskStorage } from '../../host/types';
import { WRITES } from '../../host/timeWindows';

/** The documents a guarded write creates. */
export type WriteKind = 'invoice' | 'quote';

/** A list row that can prove an earlier POST landed. */
export interface DocumentRef {
  id: string;
  number: string;
  referenceNumber: string | null;
  date: string | null;
  total: number | null;
  currencyCode: string | null;
  status?: string;
  balance?: number | null;
}

const pendingFields = {
  startedAt: str,
  reference: str,
  customerId: str,
  kind: oneOf(['invoice', 'quote']),
  date: str,
  /** Look-alike documents that existed before the POST; null when they could not be listed. */
  knownIds: nullable(listOf(str)),
};
const pendingSchema = strict(shape(pendingFields));
export type PendingWrite = Checked<typeof pendingFields>;

/** Keeps the record well under Desk's 5.1 KB value limit. */
const MAX_KNOWN_IDS = 100;

function hash(text: string): string {
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x5bd1e995);
}

function normalReference(reference: string | null | undefined): string {
  return (reference ?? '').trim().toLowerCase();
}

/**
 * Storage key of one write: kind + customer + reference + lines. The date and notes are left out on
 * purpose: a retry the next morning must still find yesterday's pending record.
 */
export function writeKey(kind: WriteKind, input: DocumentInput): string {
  const lines = JSON.stringify(
    input.lines.map((l) => [l.productId, l.name, l.description ?? '', l.price, l.quantity]),
  );
  const who = hash(`${kind}\u0000${input.customerId}\u0000${normalReference(input.referenceNumber)}`);
  return `write:${kind === 'invoice' ? 'inv' : 'quo'}:${who}:${hash(lines)}`;
}

const looksAlike = (ref: DocumentRef, reference: string, date: string): boolean =>
  normalReference(ref.referenceNumber) === normalReference(reference) && (ref.date === null || ref.date === date);

/** A document that is not among the record's look-alikes from before, with its reference and date: the POST landed. */
export function landed(refs: DocumentRef[], record: PendingWrite): DocumentRef | null {
  const known = new Set(record.knownIds ?? []);
  // Without a snapshot only a real reference can tell ours apart from the customer's other documents.
  if (record.knownIds === null && normalReference(record.reference) === '') return null;
  return refs.find((ref) => !known.has(ref.id) && looksAlike(ref, record.reference, record.date)) ?? null;
}

/** The pending record at `key` if it is this write's and still current; an expired one is deleted. */
export async function readPending(
  storage: Pick<DeskStorage, 'get' | 'delete'>,
  key: string,
  kind: WriteKind,
  input: DocumentInput,
  now: () => number,
): Promise<PendingWrite | null> {
  const read = await storage.get(key);
  if (!read.ok || read.value === null) return null;
  const parsed = pendingSchema.safeParse(read.value.value);
  if (!parsed.success) return null;
  const record = parsed.data;
  // A hash collision or a hand-edited record is not this write.
  if (record.kind !== kind || record.customerId !== input.customerId) return null;
  if (normalReference(record.reference) !== normalReference(input.referenceNumber)) return null;
  const started = Date.parse(record.startedAt);
  if (Number.isNaN(started) || now() - started > WRITES.pendingMaxAgeMs) {
    await storage.delete(key);
    return null;
  }
  return record;
}

/** The record kept while a POST is out: the customer's look-alike documents from before are its snapshot. */
export function pendingRecord(kind: WriteKind, input: DocumentInput, before: DocumentRef[] | null, at: number): PendingWrite {
  return {
    startedAt: new Date(at).toISOString(),
    reference: input.referenceNumber,
    customerId: input.customerId,
    kind,
    date: input.date,
    knownIds:
      before === null
        ? null
        : before.filter((ref) => looksAlike(ref, input.referenceNumber, input.date)).map((ref) => ref.id).slice(0, MAX_KNOWN_IDS),
  };
}
