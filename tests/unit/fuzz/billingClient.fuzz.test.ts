/**
 * Property: whatever Billing (or the Desk proxy in front of it) answers, every BillingApi method either
 * resolves with a normalised value (ids strings, money finite or null, statuses strings, currencies
 * three letters or null, dates real or null, links https) or rejects with a typed BillingError. Never
 * any other exception, never NaN, never a polluted prototype.
 */
import fc from 'fast-check';
import { createBillingClient } from '../../../src/billing/billingClient';
import { BillingError, type BillingErrorKind } from '../../../src/billing/errors';
import type { BillingApi } from '../../../src/billing/types';
import type { DeskHost, HostResponse, HostResult } from '../../../src/host/types';
import { recorded, type JsonRecord } from '../../fixtures/billingRecorded';
import { configureFuzz, FUZZ_TIMEOUT_MS, hostileValue, jsonText, mutated, prototypePolluted } from './mutate';

configureFuzz();

const ERROR_KINDS: readonly BillingErrorKind[] = [
  'not-authorised',
  'forbidden',
  'not-found',
  'rate-limited',
  'server',
  'rejected',
  'malformed',
  'network',
  'not-configured',
];

const MONEY_KEYS = new Set([
  'unusedCredits',
  'outstanding',
  'amount',
  'total',
  'balance',
  'price',
  'subTotal',
  'taxTotal',
  'paymentMade',
  'creditsApplied',
  'writeOffAmount',
  'couponDiscount',
  'quantity',
  'interval',
  'paymentTerms',
  'remainingBillingCycles',
  'expiryMonth',
  'expiryYear',
]);
const DATE_KEYS = new Set([
  'date',
  'dueDate',
  'activatedAt',
  'createdAt',
  'currentTermStartsAt',
  'currentTermEndsAt',
  'nextBillingAt',
  'lastBillingAt',
  'expiresAt',
  'cancelledAt',
]);
const INSTANT_KEYS = new Set(['createdTime', 'time']);
const STRING_KEYS = new Set([
  'name',
  'displayName',
  'companyName',
  'email',
  'firstName',
  'lastName',
  'phone',
  'mobile',
  'status',
  'number',
  'planName',
  'planCode',
  'intervalUnit',
  'description',
  'code',
  'mode',
  'notes',
  'by',
  'type',
  'couponCode',
  'paymentTermsLabel',
  'lastFour',
  'gateway',
  'attention',
  'street',
  'street2',
  'city',
  'state',
  'zip',
  'country',
  'fax',
]);

/** Every problem with a normalised value, as readable lines (empty = fine). */
function problemsOf(value: unknown, path = '$'): string[] {
  const out: string[] = [];
  const visit = (v: unknown, p: string, key: string): void => {
    if (v === undefined) out.push(`${p} is undefined`);
    if (typeof v === 'number' && !Number.isFinite(v)) out.push(`${p} is ${v}`);
    if (key === 'id' && !(typeof v === 'string' && v !== '')) out.push(`${p} id is ${JSON.stringify(v)}`);
    if (/Id$/.test(key) && v !== null && typeof v !== 'string') out.push(`${p} is not a string id`);
    if (MONEY_KEYS.has(key) && v !== null && typeof v !== 'number') out.push(`${p} money is ${typeof v}`);
    if (DATE_KEYS.has(key) && v !== null && !(typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))) {
      out.push(`${p} date is ${JSON.stringify(v)}`);
    }
    if (INSTANT_KEYS.has(key) && v !== null && !(typeof v === 'string' && !Number.isNaN(Date.parse(v)))) {
      out.push(`${p} instant is ${JSON.stringify(v)}`);
    }
    if (key === 'currencyCode' && v !== null && !(typeof v === 'string' && /^[A-Z]{3}$/.test(v))) {
      out.push(`${p} currency is ${JSON.stringify(v)}`);
    }
    if (key === 'invoiceUrl' && v !== null && !(typeof v === 'string' && v.startsWith('https://'))) {
      out.push(`${p} link is ${JSON.stringify(v)}`);
    }
    if (STRING_KEYS.has(key) && typeof v !== 'string' && !(key === 'type' && v === null)) out.push(`${p} is not text`);
    if (Array.isArray(v)) v.forEach((child, i) => visit(child, `${p}[${i}]`, ''));
    else if (typeof v === 'object' && v !== null && !(v instanceof Blob)) {
      for (const [k, child] of Object.entries(v)) visit(child, `${p}.${k}`, k);
    }
  };
  visit(value, path, '');
  return out;
}

function errorProblems(e: unknown): string[] {
  if (!(e instanceof BillingError)) return [`threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`];
  const out: string[] = [];
  if (!ERROR_KINDS.includes(e.kind)) out.push(`unknown kind ${e.kind}`);
  // The UI words each kind itself; the message is diagnostics, so only its type matters.
  if (typeof e.message !== 'string') out.push('message is not text');
  if (e.retryAfterMs !== undefined && !(Number.isFinite(e.retryAfterMs) && e.retryAfterMs >= 0)) out.push(`retryAfterMs ${e.retryAfterMs}`);
  if (e.authUrl !== undefined && !e.authUrl.startsWith('https://')) out.push(`authUrl ${e.authUrl}`);
  return out;
}

interface Endpoint {
  name: string;
  body: () => JsonRecord;
  call: (api: BillingApi) => Promise<unknown>;
  status?: number;
}

const customerWrap = (): JsonRecord => ({ code: 0, message: 'The customer has been created', customer: recorded.customerDetail().customer! });
const contactPersons = (): JsonRecord => ({ code: 0, message: 'success', contactpersons: recorded.subscriptionDetail().subscription!['contactpersons' as never] });
const transactions = (): JsonRecord => ({
  code: 0,
  message: 'success',
  transactions: [
    { transaction_id: '2468013000000091900', transaction_type: 'payment', date: '2025-03-05', amount: '107.00', status: 'success', reference_id: 'INV-000241', currency_code: 'USD' },
    { transaction_id: '2468013000000091901', type: 'invoice', date: '2025-03-20', amount: 149.0, status: 'overdue', reference_id: 'INV-000255', currency_code: 'USD' },
  ],
  page_context: { page: 1, per_page: 200, has_more_page: false },
});
const catalog = (): JsonRecord => ({
  code: 0,
  message: 'success',
  items: [{ item_id: '2468013000000045027', name: 'On-site setup', description: 'Setup visit', rate: 149.0, status: 'active', currency_code: 'USD' }],
  plans: [{ plan_code: 'pro-monthly', name: 'Pro Monthly', description: '', recurring_price: '100.00', status: 'active' }],
});
const hostedPage = (): JsonRecord => ({ code: 0, message: 'success', hostedpage: { hostedpage_id: '2-abc', url: 'https://billing.zoho.com/hostedpage/2-abc', status: 'fresh' } });

const DOCUMENT = {
  customerId: '2468013000000051001',
  date: '2025-03-20',
  referenceNumber: 'DESK-104233',
  lines: [{ productId: '2468013000000045027', name: 'On-site setup', price: 149, quantity: 1 }],
};

const ENDPOINTS: readonly Endpoint[] = [
  { name: 'listOrganizations', body: recorded.organizationsList, call: (api) => api.listOrganizations() },
  { name: 'findCustomersByEmail', body: recorded.customersList, call: (api) => api.findCustomersByEmail('ben.george@bowman.example') },
  { name: 'searchCustomers', body: recorded.customersList, call: (api) => api.searchCustomers('Bowman', 1) },
  { name: 'getCustomer', body: recorded.customerDetail, call: (api) => api.getCustomer('2468013000000051001') },
  { name: 'listContactPersons', body: contactPersons, call: (api) => api.listContactPersons('2468013000000051001') },
  { name: 'listSubscriptions', body: recorded.subscriptionsList, call: (api) => api.listSubscriptions('2468013000000051001') },
  { name: 'getSubscription', body: recorded.subscriptionDetail, call: (api) => api.getSubscription('2468013000000073082') },
  { name: 'listSubscriptionActivities', body: recorded.subscriptionActivities, call: (api) => api.listSubscriptionActivities('2468013000000073082') },
  { name: 'listTransactions', body: transactions, call: (api) => api.listTransactions('2468013000000051001') },
  { name: 'listInvoices', body: recorded.invoicesList, call: (api) => api.listInvoices({ customerId: '2468013000000051001' }) },
  { name: 'getInvoice', body: recorded.invoiceDetail, call: (api) => api.getInvoice('2468013000000081107') },
  { name: 'createInvoicePaymentLink', body: hostedPage, call: (api) => api.createInvoicePaymentLink('2468013000000081107') },
  { name: 'createCardUpdateLink', body: hostedPage, call: (api) => api.createCardUpdateLink('2468013000000073082') },
  { name: 'listCatalog', body: catalog, call: (api) => api.listCatalog('setup') },
  {
    name: 'createCustomer',
    body: customerWrap,
    status: 201,
    call: (api) =>
      api.createCustomer({
        displayName: 'Acme',
        firstName: 'Lena',
        lastName: 'Ortiz',
        email: 'lena@acme.example',
        companyName: 'Acme',
        phone: '',
        billingAddress: null,
        shippingAddress: null,
      }),
  },
  { name: 'createInvoice', body: recorded.invoiceDetail, status: 201, call: (api) => api.createInvoice(DOCUMENT) },
  { name: 'getInvoicePdf', body: () => ({ code: 0 }), call: (api) => api.getInvoicePdf('2468013000000081107') },
];

function clientAnswering(answer: () => unknown): BillingApi {
  const request = (async () => answer()) as unknown as DeskHost['request'];
  return createBillingClient({ request, dataCenter: 'US', organizationId: '60012345678', now: () => 1_764_201_600_000 });
}

/** Runs one call and returns the list of contract violations. */
async function violations(call: () => Promise<unknown>): Promise<string[]> {
  let problems: string[];
  try {
    problems = problemsOf(await call());
  } catch (e) {
    problems = errorProblems(e);
  }
  if (prototypePolluted()) problems.push('Object.prototype was polluted');
  return problems;
}

const statusArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant(200) },
  { weight: 1, arbitrary: fc.constantFrom(201, 204, 301, 400, 401, 403, 404, 405, 429, 500, 502, 503, 0, 99, 600) },
);
const headersArb = fc.oneof(
  fc.constant({}),
  fc.record({ 'retry-after': fc.oneof(fc.nat().map(String), fc.string(), fc.constantFrom('Wed, 21 Oct 2026 07:28:00 GMT', '-1', '1e9', '')) }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })),
);
/** The body as the host may hand it over: parsed, still JSON text, or text wrapped in junk. */
const bodyForm = fc.constantFrom<'object' | 'text' | 'padded' | 'html'>('object', 'object', 'text', 'padded', 'html');

function serve(body: unknown, form: 'object' | 'text' | 'padded' | 'html'): unknown {
  if (form === 'object') return body;
  const text = jsonText(body);
  if (form === 'text') return text;
  if (form === 'padded') return `  \n${String(text)}\n `;
  return `<!doctype html><html><body><pre>${String(text)}</pre></body></html>`;
}

describe('BillingApi over mutated recorded answers', () => {
  afterEach(() => {
    // Keep one polluted run from failing every later property.
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  for (const endpoint of ENDPOINTS) {
    it(
      `${endpoint.name}: resolves normalised or rejects with a BillingError`,
      async () => {
        await fc.assert(
          fc.asyncProperty(mutated(endpoint.body()), statusArb, headersArb, bodyForm, async (body, status, headers, form) => {
            const response: HostResult<HostResponse> = {
              ok: true,
              value: { status: status === 200 ? (endpoint.status ?? 200) : status, body: serve(body, form), headers },
            };
            const api = clientAnswering(() => structuredClone(response));
            const problems = await violations(() => endpoint.call(api));
            expect(problems).toEqual([]);
          }),
        );
      },
      FUZZ_TIMEOUT_MS,
    );
  }

  it(
    'the unmutated recorded answers all resolve (the properties above are not vacuous)',
    async () => {
      for (const endpoint of ENDPOINTS.filter((e) => e.name !== 'getInvoicePdf')) {
        const api = clientAnswering(() => ({ ok: true, value: { status: endpoint.status ?? 200, body: endpoint.body(), headers: {} } }));
        const value = await endpoint.call(api);
        expect(problemsOf(value), endpoint.name).toEqual([]);
      }
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'any value at all from DeskHost.request (even a broken HostResult or a throw) ends typed',
    async () => {
      const hostResultArb = fc.oneof(
        hostileValue,
        fc.record({ ok: fc.constant(false), error: hostileValue }),
        fc.record({
          ok: fc.constant(false),
          error: fc.record({
            kind: fc.constantFrom('not-authorised', 'network', 'malformed', 'rejected', 'storage', 'weird'),
            message: fc.oneof(fc.string(), hostileValue),
            authUrl: fc.oneof(fc.constant(undefined), fc.constantFrom('https://accounts.zoho.com/x', 'javascript:alert(1)', 'http://x')),
          }),
        }),
        fc.record({ ok: fc.constant(true), value: hostileValue }),
        fc.record({ ok: fc.constant(true), value: fc.record({ status: hostileValue, body: hostileValue, headers: hostileValue }) }),
      );
      await fc.assert(
        fc.asyncProperty(hostResultArb, fc.boolean(), fc.constantFrom(...ENDPOINTS), async (answer, throwIt, endpoint) => {
          const api = clientAnswering(() => {
            if (throwIt) throw answer;
            return answer;
          });
          const problems = await violations(() => endpoint.call(api));
          expect(problems).toEqual([]);
        }),
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'hostile ids, emails and search text are encoded into the URL path, never change the endpoint',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('../organizations', '%2e%2e', '?x=1', '#', 'a/b', '..', '.', ' ', '\u0000')), async (id) => {
          const urls: string[] = [];
          const request = (async (req: { url: string }) => {
            urls.push(req.url);
            return { ok: true, value: { status: 200, body: recorded.customerDetail(), headers: {} } };
          }) as unknown as DeskHost['request'];
          const api = createBillingClient({ request, dataCenter: 'US', organizationId: '60012345678' });
          const problems = await violations(() => api.getCustomer(id));
          expect(problems).toEqual([]);
          for (const url of urls) {
            const parsed = new URL(url);
            expect(parsed.origin).toBe('https://www.zohoapis.com');
            expect(parsed.pathname.startsWith('/billing/v1/customers/')).toBe(true);
            expect(parsed.pathname.split('/').length).toBe(5);
            expect(parsed.search).toBe('');
            expect(parsed.hash).toBe('');
          }
        }),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
