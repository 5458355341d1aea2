/**
 * Zoho Billing client: one typed function per entry of the call table (callTable.ts), each sent over the
 * one transport (transport.ts) and read through the entry's schema. First-screen entries run at once;
 * 'later' entries first load laterCalls.ts (their schemas, bodies and runners), one chunk fetched on first
 * use. Nothing here is written per call: a new call is a new entry. Error classification lives in
 * errors.ts and PDF decoding in pdf.ts.
 */
import { isRecord } from '../host/guards';
import { CALL_NAMES, ENTRIES, type BillingApi, type CallEntry, type Request } from './callTable';
import { BillingError } from './errors';
import type { LaterParts } from './laterCalls';
import { pageInfo, parseRows, type Schema } from './schemas';
import { createTransport, type BillingClientOptions, type Call, type Transport } from './transport';
import type { Page } from './types';

export { ORGANIZATION_HEADER, type BillingClientOptions } from './transport';
export { DEFAULT_INVOICES_PER_PAGE, DEFAULT_SEARCH_PER_PAGE } from './callTable';

type Entry = CallEntry<unknown[], unknown>;

/** The entry's path with its `{placeholders}` filled in order from `params`. */
function segments(entry: Pick<Entry, 'path'>, params: readonly string[] = []): string[] {
  let next = 0;
  const out = entry.path
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith('{') ? params[next++] : part));
  if (next !== params.length || out.some((part) => part === undefined)) {
    throw new BillingError('rejected', `The call to ${entry.path} was built with ${params.length} path values`);
  }
  return out as string[];
}

function rowsKey(body: Record<string, unknown>, keys: string | readonly string[]): string {
  const all = typeof keys === 'string' ? [keys] : keys;
  return all.find((key) => Array.isArray(body[key])) ?? all[all.length - 1] ?? '';
}

export function createBillingClient(options: BillingClientOptions): BillingApi {
  const transport = createTransport(options);
  const { json, rowsOf, oneOf, malformed } = transport;

  // Every 'later' entry's parts are in laterCalls.ts, its own chunk, fetched the first time one is used. A
  // chunk that cannot load (the connection dropped) is a network failure like any other, and the next call
  // tries again.
  let loading: Promise<LaterParts> | null = null;
  const later = (): Promise<LaterParts> => {
    loading ??= import('./laterCalls').then(
      (m) => m.laterParts,
      (e: unknown) => {
        loading = null;
        throw new BillingError('network', 'Part of the panel could not be loaded', { cause: e });
      },
    );
    return loading;
  };

  function build(entry: Entry, req: Request, parts: LaterParts | null, path = entry.path): Call {
    const call: Call = { method: entry.method, path: segments({ path }, req.params) };
    if (req.query) call.query = req.query;
    // Only 'later' entries send bodies (the types say so): their builders came with `parts`.
    if (req.body) call.body = (parts!.bodies[req.body.builder] as (input: unknown) => Record<string, unknown>)(req.body.input);
    if (entry.noOrganization) call.orgScoped = false;
    return call;
  }

  /** A schema named by a 'later' entry is in `parts` (a first-screen entry names the schema itself). */
  const schemaOf = (ref: Schema<unknown> | string, parts: LaterParts | null): Schema<unknown> =>
    typeof ref === 'string' ? (parts!.schemas[ref as keyof LaterParts['schemas']] as Schema<unknown>) : ref;

  async function readPage(
    body: Record<string, unknown>,
    key: string,
    schema: Schema<unknown>,
    page: number,
    keep: ((row: Record<string, unknown>, ...args: unknown[]) => boolean) | undefined,
    args: readonly unknown[],
  ): Promise<Page<unknown>> {
    let items: unknown[];
    if (keep) {
      const raw = body[key];
      if (!Array.isArray(raw)) throw malformed(key);
      const parsed = parseRows(
        raw.filter((row) => isRecord(row) && keep(row, ...args)),
        schema,
      );
      if (parsed.dropped > 0) options.onDroppedRows?.(key, parsed.dropped);
      items = parsed.items;
    } else items = rowsOf(body, key, schema);
    const info = pageInfo(body.page_context, page);
    return { items, page: info.page, hasMore: info.hasMore };
  }

  async function run(entry: Entry, args: unknown[]): Promise<unknown> {
    const skipped = entry.skip?.(...args);
    if (skipped) return skipped.value;
    const parts = entry.screen === 'later' ? await later() : null;
    const req = entry.request(...args);
    const call = build(entry, req, parts);
    const answer = entry.answer as Entry['answer'] & Record<string, unknown>;
    let value: unknown;
    if ('runner' in entry.answer) {
      const runner = parts!.runners[entry.answer.runner as keyof LaterParts['runners']] as (ctx: unknown) => Promise<unknown>;
      value = await runner({
        transport: transport as Transport,
        call,
        also: (entry.also ?? []).map((more) => build(entry, req, parts, more.path)),
        args,
      });
    } else if ('none' in entry.answer) {
      await json(call);
      value = undefined;
    } else {
      const body = await json(call);
      if ('one' in entry.answer) value = oneOf(body, entry.answer.one, schemaOf(entry.answer.schema, parts));
      else if ('rows' in entry.answer) value = rowsOf(body, rowsKey(body, entry.answer.rows), schemaOf(entry.answer.schema, parts));
      else {
        const keep = answer.keep as ((row: Record<string, unknown>, ...a: unknown[]) => boolean) | undefined;
        value = await readPage(body, entry.answer.page, schemaOf(entry.answer.schema, parts), Number(req.query?.page ?? 1), keep, args);
      }
    }
    return entry.then ? entry.then(value, ...args) : value;
  }

  const api = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const typed = api as unknown as BillingApi;
  for (const name of CALL_NAMES) {
    const entry = ENTRIES[name];
    api[name] = async (...args: unknown[]) => run(entry, args);
  }
  return typed;
}
