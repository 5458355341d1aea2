/**
 * What Billing accepts in a create-invoice or create-quote body, key by key, from Zoho's OpenAPI files
 * (specs/invoices.yml `create-an-invoice-request`, specs/quotes.yml `create-an-estimate-request`).
 * A body with a missing required field or a key the schema does not define is answered 400 the way
 * Zoho Finance APIs answer them (code 4, "Invalid value passed for …" / "… is required"), so a client
 * that posts the wrong shape — e.g. the invoice shape to /estimates — fails in tests, not in production.
 * The codes and wording are the Zoho Finance ones; Billing's exact text for these cases is unverified.
 */

export class ShapeError extends Error {
  readonly status = 400;
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

interface Shape {
  required: readonly string[];
  allowed: ReadonlySet<string>;
  lineKey: string;
  lineRequired: readonly string[];
  lineAllowed: ReadonlySet<string>;
}

const TAX_AND_REGION = [
  'place_of_supply', 'vat_treatment', 'gst_treatment', 'tax_treatment', 'gst_no', 'tax_id', 'tax_exemption_id',
  'tax_authority_id', 'avatax_use_code', 'avatax_tax_code', 'avatax_exempt_no',
];

const INVOICE: Shape = {
  required: ['customer_id', 'invoice_items', 'date'],
  allowed: new Set([
    'customer_id', 'contact_persons', 'invoice_number', 'reference_number', 'cfdi_usage', 'template_id', 'date',
    'payment_terms', 'payment_terms_label', 'due_date', 'discount', 'is_discount_before_tax', 'discount_type',
    'is_inclusive_tax', 'exchange_rate', 'invoiced_estimate_id', 'salesperson_name', 'custom_fields', 'project_id',
    'invoice_items', 'payment_options', 'allow_partial_payments', 'custom_body', 'custom_subject', 'notes', 'terms',
    'shipping_charge', 'adjustment', 'adjustment_description', 'reason', ...TAX_AND_REGION,
  ]),
  lineKey: 'invoice_items',
  // The SPEC requires `rate` but lists `price` among the properties: both are accepted.
  lineRequired: ['product_id', 'rate', 'quantity'],
  lineAllowed: new Set([
    'product_id', 'project_id', 'time_entry_ids', 'expense_id', 'name', 'product_type', 'hsn_or_sac', 'sat_item_key_code',
    'unitkey_code', 'description', 'item_order', 'price', 'rate', 'quantity', 'unit', 'discount', 'tax_id', 'tds_tax_id',
    'tax_exemption_id', 'avatax_use_code', 'avatax_exempt_no', 'tax_name', 'tax_type', 'tax_percentage', 'item_total',
  ]),
};

const QUOTE: Shape = {
  required: ['customer_id', 'line_items'],
  allowed: new Set([
    'customer_id', 'contact_persons', 'template_id', 'estimate_number', 'reference_number', 'date', 'expiry_date',
    'exchange_rate', 'discount', 'is_discount_before_tax', 'discount_type', 'is_inclusive_tax', 'custom_body',
    'custom_subject', 'salesperson_name', 'custom_fields', 'line_items', 'notes', 'terms', 'shipping_charge', 'adjustment',
    'adjustment_description', 'vat_treatment', 'project_id', ...TAX_AND_REGION,
  ]),
  lineKey: 'line_items',
  lineRequired: ['item_id', 'rate', 'quantity'],
  lineAllowed: new Set([
    'item_id', 'name', 'description', 'item_order', 'rate', 'product_type', 'hsn_or_sac', 'sat_item_key_code', 'unitkey_code',
    'quantity', 'unit', 'discount_amount', 'discount', 'tax_id', 'tds_tax_id', 'tax_exemption_id', 'avatax_tax_code',
    'avatax_use_code', 'tax_name', 'tax_type', 'tax_percentage', 'item_total',
  ]),
};

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
