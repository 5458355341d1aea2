/**
 * What the sandbox accepts in a create-invoice or create-quote body. The property names and the required ones are
 * Zoho's (invoices.yml `create-an-invoice-request`, quotes.yml `create-an-estimate-request`), read from
 * documentedBodies.json, which scripts/derive-openapi.mjs derives from Zoho's files; a key outside them, or a missing
 * required one, is answered 400 the way Zoho Finance APIs answer them (code 4, "Invalid value passed for …" /
 * "… is required"), so a client that posts the wrong shape (the invoice shape to /estimates) fails in the simulator,
 * not in production. tests/unit/contract checks every request the client sends against the files themselves.
 *
 * Written here by hand is only what the files cannot say:
 * - which array holds a document's lines (`invoice_items`, `line_items`), and that it must not be empty;
 * - a line's `rate` is accepted though invoices.yml lists it only as required, not among the line's properties;
 * - an invoice line's `price` and `rate` are one number and must agree;
 * - `exchange_rate` is a positive number.
 * The codes and wording are the Zoho Finance ones; Billing's exact text for these cases is unverified.
 */
import documented from './documentedBodies.json';

export class ShapeError extends Error {
  readonly status = 400;
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

interface Names {
  required?: string[];
  properties?: Record<string, Names>;
  items?: Names;
}

interface Shape {
  required: readonly string[];
  allowed: ReadonlySet<string>;
  lineKey: string;
  lineRequired: readonly string[];
  lineAllowed: ReadonlySet<string>;
}

function shapeOf(operation: 'POST /invoices' | 'POST /estimates', lineKey: string): Shape {
  const body = (documented.bodies as Record<string, Names>)[operation];
  const lines = body?.properties?.[lineKey]?.items;
  if (!body || !lines) throw new Error(`documentedBodies.json has no ${operation} body with ${lineKey}`);
  const lineRequired = lines.required ?? [];
  return {
    required: body.required ?? [],
    allowed: new Set([...Object.keys(body.properties ?? {}), ...(body.required ?? [])]),
    lineKey,
    lineRequired,
    lineAllowed: new Set([...Object.keys(lines.properties ?? {}), ...lineRequired]),
  };
}

const INVOICE = shapeOf('POST /invoices', 'invoice_items');
const QUOTE = shapeOf('POST /estimates', 'line_items');

const missing = (value: unknown): boolean => value === undefined || value === null || value === '';

function checkShape(shape: Shape, body: Record<string, unknown>): void {
  for (const key of Object.keys(body)) {
    if (!shape.allowed.has(key)) throw new ShapeError(4, `Invalid value passed for ${key}`);
  }
  for (const key of shape.required) {
    if (missing(body[key])) throw new ShapeError(4, `${key} is required.`);
  }
  const lines = body[shape.lineKey];
  if (!Array.isArray(lines) || lines.length === 0) throw new ShapeError(4, `Invalid value passed for ${shape.lineKey}`);
  lines.forEach((line: unknown, index) => {
    if (!line || typeof line !== 'object' || Array.isArray(line)) throw new ShapeError(4, `Invalid value passed for ${shape.lineKey}`);
    const record = line as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!shape.lineAllowed.has(key)) throw new ShapeError(4, `Invalid value passed for ${key} in line item ${index + 1}`);
    }
    for (const key of shape.lineRequired) {
      if (missing(record[key])) throw new ShapeError(4, `${key} is required for line item ${index + 1}.`);
    }
    // The two names of one number must not disagree.
    if (record.price !== undefined && record.rate !== undefined && Number(record.price) !== Number(record.rate)) {
      throw new ShapeError(4, `Invalid value passed for price in line item ${index + 1}`);
    }
  });
  if (body.exchange_rate !== undefined) {
    const rate = typeof body.exchange_rate === 'number' ? body.exchange_rate : Number.NaN;
    if (!(Number.isFinite(rate) && rate > 0)) throw new ShapeError(4, 'Invalid value passed for exchange_rate');
  }
}

export const checkInvoiceBody = (body: Record<string, unknown>): void => checkShape(INVOICE, body);
export const checkQuoteBody = (body: Record<string, unknown>): void => checkShape(QUOTE, body);
