/**
 * The Billing sandbox world: wire-shaped (billing-api.md §12) and deterministic for a seed.
 * Anchor customers (fixtures.ts) carry the cases tests and the simulator need by name; filler
 * customers drawn from the PRNG make the lists look like a real org. The 5,000 invoices of the very
 * large customer are not generated here (see bulkInvoices.ts) so building a world stays cheap.
 * Long on purpose (sandbox only, never shipped): the world is one deterministic build, and the order of
 * PRNG draws is part of it, so the builder and the anchor scenarios stay in one file.
 */
import { createRandom, type Random } from './random';
import { convertPrice, currencyOf, idFromNumber, roundMoney } from './money';
import { bulkInvoice, BULK_UNPAID_WINDOW } from './bulkInvoices';
import { invoiceRow } from './invoiceRow';
import { addDays, addInterval, addMonths, dateTime, daysBetween, formattedDate, periodsBetween, SANDBOX_TODAY } from './calendar';
import { ticketNumberOf } from '../../billing/ticketReference';
import { BILLING_FIXTURES as F, TICKET_NUMBERS as T, deskReference } from './fixtures';
import type {
  BillingDataset,
  WireActivity,
  WireAddress,
  WireContactPerson,
  WireCustomer,
  WireEstimate,
  WireInvoice,
  WireInvoiceItem,
  WireItem,
  WireOrganization,
  WirePlan,
  WireSubscription,
  WireTransaction,
} from './wire';

export type { BillingDataset } from './wire';

export interface BillingDatasetOptions {
  seed?: number;
  /** "Today" of the world (YYYY-MM-DD); every date is generated relative to it. Default 2026-11-27. */
  today?: string;
  /**
   * Customers drawn from the PRNG beside the named anchors (default FILLER_CUSTOMER_COUNT). The bench's
   * large-portal workload asks for a few thousand; same seed, same world.
   */
  fillerCustomers?: number;
}

export const DEFAULT_SEED = 20261127;

export { CURRENCIES, convertPrice, currencyOf, idFromNumber, roundMoney } from './money';
export type { CurrencyInfo } from './money';

/** Consumption tax / VAT by customer currency: enough to make totals differ from subtotals. */
/** Billing keeps the Desk ticket id of an invoice made from a ticket in a custom field too. */
function deskTicketField(reference: string | undefined) {
  const ticket = ticketNumberOf(reference);
  return ticket === null ? [] : [{ index: 1, label: 'Desk Ticket ID', value: ticket, data_type: 'string' }];
}

const TAX_BY_CURRENCY: Record<string, { id: string; name: string; percentage: number }> = {
  JPY: { id: '2468013000000080121', name: '消費税', percentage: 10 },
  GBP: { id: '2468013000000080123', name: 'VAT', percentage: 20 },
};

const PAYMENT_TERMS: Record<number, string> = {
  0: 'Due On Receipt',
  15: 'Net 15',
  30: 'Net 30',
  45: 'Net 45',
  60: 'Net 60',
};

export const EMPTY_ADDRESS: WireAddress = {
  attention: '',
  street: '',
  street2: '',
  city: '',
  state: '',
  state_code: '',
  zip: '',
  country: '',
  phone: '',
  fax: '',
};

export function address(partial: Partial<WireAddress> | null | undefined): WireAddress {
  return { ...EMPTY_ADDRESS, ...(partial ?? {}) };
}

/** Code-unit order: what sorting ISO-like strings needs, and far cheaper than localeCompare. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Catalog

const PRODUCT_CLOUD = { id: '2468013000000050119', name: 'Zylker Cloud' };
const PRODUCT_DESK = { id: '2468013000000050127', name: 'Zylker Helpdesk' };

interface PlanSeed {
  code: string;
  name: string;
  usd: number;
  interval: number;
  unit: 'months' | 'years';
  product: { id: string; name: string };
  description: string;
  trialDays: number;
}

const PLAN_SEEDS: PlanSeed[] = [
  { code: 'basic-monthly', name: 'Basic Monthly', usd: 29, interval: 1, unit: 'months', product: PRODUCT_CLOUD, description: 'Up to 3 users, 50 GB storage', trialDays: 14 },
  { code: 'pro-monthly', name: 'Pro Monthly', usd: 100, interval: 1, unit: 'months', product: PRODUCT_CLOUD, description: 'Up to 25 users, 1 TB storage', trialDays: 14 },
  { code: 'pro-annual', name: 'Pro Annual', usd: 1000, interval: 1, unit: 'years', product: PRODUCT_CLOUD, description: 'Pro, billed yearly (2 months free)', trialDays: 0 },
  { code: 'business-monthly', name: 'Business Monthly', usd: 249, interval: 1, unit: 'months', product: PRODUCT_CLOUD, description: 'Unlimited users, SSO, audit log', trialDays: 30 },
  { code: 'enterprise-annual', name: 'Enterprise Annual', usd: 4800, interval: 1, unit: 'years', product: PRODUCT_CLOUD, description: 'Dedicated success manager, 99.95% SLA', trialDays: 0 },
  { code: 'helpdesk-quarterly', name: 'Helpdesk Quarterly', usd: 135, interval: 3, unit: 'months', product: PRODUCT_DESK, description: '5 agent seats, billed every 3 months', trialDays: 0 },
  { code: 'jp-standard-monthly', name: 'スタンダード（月額）', usd: 60, interval: 1, unit: 'months', product: PRODUCT_DESK, description: '国内サポート付きスタンダードプラン', trialDays: 14 },
  { code: 'storage-annual', name: 'Storage 1 TB Annual', usd: 120, interval: 1, unit: 'years', product: PRODUCT_CLOUD, description: 'Additional 1 TB of storage', trialDays: 0 },
];

const ADDON_SEEDS = [
  { code: 'extra-seat', name: 'Extra seat', usd: 12 },
  { code: 'priority-support', name: 'Priority support', usd: 49 },
  { code: 'sso-addon', name: 'Single sign-on', usd: 30 },
];

const ITEM_SEEDS = [
  { name: 'On-site setup', usd: 149, unit: 'visit', description: 'Technician visit to install and configure', sku: 'SRV-ONSITE' },
  { name: 'Training session (2 h)', usd: 300, unit: 'session', description: 'Remote training for up to 10 people', sku: 'SRV-TRAIN' },
  { name: 'Data migration', usd: 750, unit: 'job', description: 'Import from a previous system', sku: 'SRV-MIGRATE' },
  { name: 'Premium support hour', usd: 120, unit: 'hour', description: 'Engineer time beyond the plan', sku: 'SRV-SUPPORT' },
  { name: 'Custom development', usd: 95, unit: 'hour', description: 'Integrations and scripts on request', sku: 'SRV-DEV' },
  { name: '導入支援サービス', usd: 500, unit: '式', description: '初期設定と操作説明（オンライン）', sku: 'SRV-JP-ONBOARD' },
  { name: 'Hardware security key', usd: 35, unit: 'piece', description: 'FIDO2 key, shipped', sku: 'HW-KEY' },
  { name: 'Consulting day', usd: 1200, unit: 'day', description: 'Process review with a consultant', sku: 'SRV-CONSULT' },
];

// ---------------------------------------------------------------------------------------------
// Names for filler customers

const EN_FIRST = ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mason', 'Sophia', 'Lucas', 'Mia', 'Ethan', 'Isla', 'Arjun', 'Chloe', 'Mateo', 'Zoe', 'Daniel', 'Grace', 'Omar', 'Hannah', 'Felix'];
const EN_LAST = ['Carter', 'Nguyen', 'Patel', 'Schmidt', 'Rossi', 'Kowalski', 'Murphy', 'Silva', 'Dubois', 'Jensen', 'Okafor', 'Hughes', 'Lindqvist', 'Moreau', 'Fischer', 'Brennan', 'Costa', 'Walsh', 'Novak', 'Berg'];
const EN_COMPANY_A = ['Blue Harbor', 'Cedar', 'Brightline', 'Northpeak', 'Silverleaf', 'Redwood', 'Copperfield', 'Lakeside', 'Summit', 'Ironbridge', 'Greenway', 'Starling', 'Harbourview', 'Maple & Finch', 'Quartz'];
const EN_COMPANY_B = ['Logistics', 'Dental Group', 'Analytics', 'Bakery', 'Architects', 'Legal LLP', 'Studios', 'Health', 'Robotics', 'Travel', 'Consulting', 'Labs', 'Outfitters', 'Media', 'Foods'];
const EN_COMPANY_SUFFIX = ['Inc.', 'Ltd', 'GmbH', 'LLC', 'B.V.', 'S.A.', 'Pty Ltd', ''];
const JA_LAST = [
  ['伊藤', 'ito'],
  ['渡辺', 'watanabe'],
  ['中村', 'nakamura'],
  ['小林', 'kobayashi'],
  ['加藤', 'kato'],
  ['吉田', 'yoshida'],
  ['山口', 'yamaguchi'],
  ['松本', 'matsumoto'],
  ['井上', 'inoue'],
  ['木村', 'kimura'],
] as const;
const JA_FIRST = [
  ['健太', 'kenta'],
  ['陽子', 'yoko'],
  ['大輔', 'daisuke'],
  ['美穂', 'miho'],
  ['翔', 'sho'],
  ['由美', 'yumi'],
  ['拓也', 'takuya'],
  ['愛', 'ai'],
] as const;
const JA_COMPANY = [
  ['株式会社', 'ソフト', 'soft'],
  ['', '物産株式会社', 'bussan'],
  ['有限会社', '工務店', 'komuten'],
  ['株式会社', 'ホールディングス', 'hd'],
  ['', '印刷株式会社', 'insatsu'],
  ['合同会社', 'ラボ', 'lab'],
] as const;
const JA_CITIES = [
  { state: '東京都', city: '渋谷区', street: '神南1-2-3', zip: '150-0041' },
  { state: '大阪府', city: '大阪市北区', street: '梅田2-4-9', zip: '530-0001' },
  { state: '愛知県', city: '名古屋市中村区', street: '名駅4-7-1', zip: '450-0002' },
  { state: '福岡県', city: '福岡市博多区', street: '博多駅前3-2-1', zip: '812-0011' },
  { state: '北海道', city: '札幌市中央区', street: '北5条西2-5', zip: '060-0005' },
];
const EN_CITIES = [
  { street: '410 Market St', city: 'San Francisco', state: 'California', state_code: 'CA', zip: '94111', country: 'U.S.A', currency: 'USD' },
  { street: '75 Ninth Ave', city: 'New York', state: 'New York', state_code: 'NY', zip: '10011', country: 'U.S.A', currency: 'USD' },
  { street: '1200 Congress Ave', city: 'Austin', state: 'Texas', state_code: 'TX', zip: '78701', country: 'U.S.A', currency: 'USD' },
  { street: 'Friedrichstraße 68', city: 'Berlin', state: 'Berlin', state_code: 'BE', zip: '10117', country: 'Germany', currency: 'EUR' },
  { street: 'Keizersgracht 62', city: 'Amsterdam', state: 'Noord-Holland', state_code: 'NH', zip: '1015 CS', country: 'Netherlands', currency: 'EUR' },
  { street: '8 Rue de Rivoli', city: 'Paris', state: 'Île-de-France', state_code: '', zip: '75004', country: 'France', currency: 'EUR' },
  { street: '30 St Mary Axe', city: 'London', state: 'London', state_code: '', zip: 'EC3A 8BF', country: 'United Kingdom', currency: 'GBP' },
  { street: '1 Deansgate', city: 'Manchester', state: 'Greater Manchester', state_code: '', zip: 'M3 1AZ', country: 'United Kingdom', currency: 'GBP' },
];

// ---------------------------------------------------------------------------------------------
// Builder

interface CustomerSpec {
  id?: string;
  display_name: string;
  salutation?: string;
  first_name: string;
  last_name: string;
  email: string;
  company_name: string;
  phone?: string;
  mobile?: string;
  website?: string;
  department?: string;
  designation?: string;
  currency: string;
  billing?: Partial<WireAddress> | null;
  shipping?: Partial<WireAddress> | null;
  payment_terms?: number;
  unused_credits?: number;
  status?: 'active' | 'inactive';
  createdDaysAgo: number;
  notes?: string;
  contacts?: { first_name: string; last_name: string; email: string; phone?: string; designation?: string }[];
  custom_fields?: { label: string; value: string }[];
}

interface SubscriptionSpec {
  plan: string;
  status: string;
  /** Days before today when the subscription was created. */
  startDaysAgo: number;
  quantity?: number;
  addons?: { code: string; quantity: number }[];
  coupon?: { code: string; discount: number };
  autoCollect?: boolean;
  reference?: string;
  note?: string;
}

interface LineSpec {
  item?: string;
  name?: string;
  description?: string;
  usd: number;
  quantity: number;
  code?: string;
}

interface InvoiceSpec {
  id?: string;
  date: string;
  status: string;
  lines: LineSpec[];
  reference?: string;
  transactionType?: string;
  subscriptionId?: string;
  notes?: string;
  invoiceUrl?: string;
  /** Use these amounts (already in the customer's currency) instead of converting USD. */
  nativePrices?: boolean;
  /** Part of the total (in USD, converted) settled from a credit note instead of a payment. */
  creditUsd?: number;
}

class WorldBuilder {
  readonly rng: Random;
  nextId = 100_000;
  invoiceCounter = 1;
  estimateCounter = 1;
  subscriptionCounter = 1;
  readonly customers: WireCustomer[] = [];
  readonly contactPersons: Record<string, WireContactPerson[]> = {};
  readonly subscriptions: WireSubscription[] = [];
  readonly activities: Record<string, WireActivity[]> = {};
  readonly invoices: WireInvoice[] = [];
  readonly transactions: WireTransaction[] = [];
  readonly estimates: WireEstimate[] = [];
  readonly items: WireItem[];
  readonly plans: WirePlan[];
  private readonly itemIdsByName = new Map<string, string>();

  constructor(
    seed: number,
    readonly today: string,
  ) {
    this.rng = createRandom(seed);
    this.items = ITEM_SEEDS.map((seedItem, index) => {
      const item_id = idFromNumber(45_021 + index * 2);
      this.itemIdsByName.set(seedItem.name, item_id);
      return {
        item_id,
        name: seedItem.name,
        description: seedItem.description,
        rate: seedItem.usd,
        unit: seedItem.unit,
        sku: seedItem.sku,
        status: 'active',
        product_type: seedItem.sku.startsWith('HW') ? 'goods' : 'service',
        tax_id: '',
        created_time: dateTime('2023-01-10', 36_000 + index * 60),
        updated_time: dateTime('2025-06-02', 40_000 + index * 60),
      };
    });
    this.plans = PLAN_SEEDS.map((plan, index) => ({
      plan_code: plan.code,
      plan_id: idFromNumber(46_001 + index),
      name: plan.name,
      description: plan.description,
      recurring_price: plan.usd,
      interval: plan.interval,
      interval_unit: plan.unit,
      billing_cycles: -1,
      trial_period: plan.trialDays,
      setup_fee: 0,
      product_id: plan.product.id,
      product_name: plan.product.name,
      tax_id: '',
      status: 'active',
      created_time: dateTime('2023-01-09', 50_000 + index * 60),
      updated_time: dateTime('2025-02-14', 50_000 + index * 60),
    }));
  }

  id(): string {
    return idFromNumber(this.nextId++);
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.rng.next() * 0x100000000).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  time(day: string): string {
    return dateTime(day, this.rng.int(8 * 3600, 18 * 3600));
  }

  customer(spec: CustomerSpec): WireCustomer {
    const info = currencyOf(spec.currency);
    const id = spec.id ?? this.id();
    const created = addDays(this.today, -spec.createdDaysAgo);
    const terms = spec.payment_terms ?? 0;
    const persons: WireContactPerson[] = [
      {
        contactperson_id: this.id(),
        salutation: spec.salutation ?? '',
        first_name: spec.first_name,
        last_name: spec.last_name,
        email: spec.email,
        phone: spec.phone ?? '',
        mobile: spec.mobile ?? '',
        fax: '',
        designation: spec.designation ?? '',
        department: spec.department ?? '',
        is_primary_contact: true,
        zcrm_contact_id: '',
      },
      ...(spec.contacts ?? []).map((c) => ({
        contactperson_id: this.id(),
        salutation: '',
        first_name: c.first_name,
        last_name: c.last_name,
        email: c.email,
        phone: c.phone ?? '',
        mobile: '',
        fax: '',
        designation: c.designation ?? '',
        department: '',
        is_primary_contact: false,
        zcrm_contact_id: '',
      })),
    ];
    const credits = roundMoney(spec.unused_credits ?? 0, info.precision);
    const customer: WireCustomer = {
      customer_id: id,
      display_name: spec.display_name,
      salutation: spec.salutation ?? '',
      first_name: spec.first_name,
      last_name: spec.last_name,
      email: spec.email,
      company_name: spec.company_name,
      phone: spec.phone ?? '',
      mobile: spec.mobile ?? '',
      website: spec.website ?? '',
      department: spec.department ?? '',
      designation: spec.designation ?? '',
      status: spec.status ?? 'active',
      source: this.rng.chance(0.5) ? 'api' : 'user',
      is_portal_enabled: this.rng.chance(0.6),
      currency_id: info.id,
      currency_code: info.code,
      currency_symbol: info.symbol,
      price_precision: info.precision,
      unused_credits: credits,
      outstanding: 0,
      outstanding_receivable_amount: 0,
      unused_credits_receivable_amount: credits,
      unused_credits_receivable_amount_bcy: roundMoney(credits / info.perUsd, 2),
      unused_credits_payable_amount: 0,
      unused_credits_payable_amount_bcy: 0,
      payment_terms: terms,
      payment_terms_label: PAYMENT_TERMS[terms] ?? `Net ${terms}`,
      payment_reminder_enabled: this.rng.chance(0.7),
      ach_supported: info.code === 'USD' && this.rng.chance(0.3),
      can_add_card: true,
      can_add_bank_account: info.code === 'USD',
      is_gapps_customer: false,
      is_linked_with_zohocrm: false,
      zcrm_account_id: '',
      zcrm_contact_id: '',
      primary_contactperson_id: persons[0]!.contactperson_id,
      pricebook_id: '',
      billing_address: address(spec.billing),
      shipping_address: address(spec.shipping),
      custom_fields: (spec.custom_fields ?? []).map((field, index) => ({ index: index + 1, label: field.label, value: field.value, data_type: 'string' })),
      tags: [],
      notes: spec.notes ?? '',
      default_templates: { invoice_template_id: '', creditnote_template_id: '' },
      has_attachment: false,
      created_time: this.time(created),
      updated_time: this.time(addDays(created, Math.min(spec.createdDaysAgo, this.rng.int(0, 400)))),
    };
    this.customers.push(customer);
    this.contactPersons[id] = persons;
    if (credits > 0) {
      const creditDate = addDays(this.today, -this.rng.int(5, 120));
      this.transactions.push({
        transaction_id: this.id(),
        reference_id: this.id(),
        customer_id: id,
        date: creditDate,
        type: 'credit',
        status: 'open',
        amount: credits.toFixed(info.precision),
      });
    }
    return customer;
  }

  /** Activities that must name an invoice number, which is only known once the world is complete. */
  private readonly pendingInvoiceActivities: { activity: WireActivity; invoiceId: string }[] = [];

  private activity(subscriptionId: string, day: string, description: string, by = 'Zoho Billing', second?: number): WireActivity {
    const list = (this.activities[subscriptionId] ??= []);
    const activity = {
      activity_id: this.id(),
      description,
      activity_time: second === undefined ? this.time(day) : dateTime(day, second),
      commented_by: by,
    };
    list.push(activity);
    return activity;
  }

  /** "$1,234.50" as Billing writes amounts in activity texts (Intl is too slow to call per activity). */
  money(customer: WireCustomer, value: number): string {
    const info = currencyOf(customer.currency_code);
    const [whole = '0', fraction] = Math.abs(value).toFixed(info.precision).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${value < 0 ? '-' : ''}${info.symbol}${grouped}${fraction ? `.${fraction}` : ''}`;
  }

  subscription(customer: WireCustomer, spec: SubscriptionSpec): WireSubscription {
    const plan = PLAN_SEEDS.find((p) => p.code === spec.plan) ?? PLAN_SEEDS[0]!;
    const info = currencyOf(customer.currency_code);
    const tax = TAX_BY_CURRENCY[info.code];
    const quantity = spec.quantity ?? 1;
    const planPrice = convertPrice(plan.usd, info.code);
    const addons = (spec.addons ?? []).map((a) => {
      const seedAddon = ADDON_SEEDS.find((s) => s.code === a.code) ?? ADDON_SEEDS[0]!;
      const price = convertPrice(seedAddon.usd, info.code);
      return { addon_code: seedAddon.code, name: seedAddon.name, description: '', price, quantity: a.quantity, discount: 0, total: roundMoney(price * a.quantity, info.precision), tax_id: tax?.id ?? '' };
    });
    const discount = spec.coupon ? roundMoney(spec.coupon.discount, info.precision) : 0;
    const planTotal = roundMoney(planPrice * quantity, info.precision);
    const subTotal = roundMoney(planTotal + addons.reduce((sum, a) => sum + a.total, 0) - discount, info.precision);
    const taxAmount = tax ? roundMoney((subTotal * tax.percentage) / 100, info.precision) : 0;
    const amount = roundMoney(subTotal + taxAmount, info.precision);
    const id = this.id();
    const status = spec.status;
    // A future subscription was created recently and starts later; every other one started when created.
    const created = status === 'future' ? addDays(this.today, -this.rng.int(1, 10)) : addDays(this.today, -Math.max(1, spec.startDaysAgo));
    const step = (day: string, n: number) => addInterval(day, n * plan.interval, plan.unit);

    let activated = created;
    let trialStarts = '';
    let trialEnds = '';
    let termStart = '';
    let termEnd = '';
    let lastBilling = '';
    let nextBilling = '';
    let nextRetry = '';
    let expires = '';
    let cancelled = '';
    let scheduledCancellation = '';
    let pauseDate = '';
    let startsAt = '';
    let resumeDate = '';
    let billingEnd = this.today; // renewal invoices are generated up to here

    const termAround = (start: string, until: string): void => {
      // Month arithmetic clamps day-of-month, so land near the answer and correct by a step.
      let n = periodsBetween(start, until, plan.interval, plan.unit);
      while (n > 0 && step(start, n) > until) n -= 1;
      while (step(start, n + 1) <= until) n += 1;
      termStart = step(start, n);
      termEnd = step(start, n + 1);
    };

    switch (status) {
      case 'trial':
      case 'trial_expired': {
        trialStarts = created;
        trialEnds = addDays(created, plan.trialDays || 14);
        activated = '';
        billingEnd = '';
        if (status === 'trial') nextBilling = trialEnds;
        else expires = trialEnds;
        break;
      }
      case 'future': {
        activated = '';
        billingEnd = '';
        nextBilling = addDays(this.today, spec.startDaysAgo < 0 ? -spec.startDaysAgo : 10);
        startsAt = nextBilling;
        break;
      }
      case 'creation_failed': {
        activated = '';
        billingEnd = '';
        break;
      }
      case 'cancelled':
      case 'expired':
      case 'cancelled_from_dunning': {
        const yesterday = addDays(this.today, -1);
        const available = periodsBetween(created, yesterday, plan.interval, plan.unit);
        let endDay: string;
        if (status === 'expired' && available >= 1) {
          // Expiry happens at a term end.
          endDay = step(created, this.rng.int(1, Math.min(6, available)));
        } else {
          // Cancellation can happen any day after the start.
          const age = Math.max(1, daysBetween(created, yesterday));
          endDay = addDays(created, Math.min(age, this.rng.int(1, Math.max(1, Math.min(age, 200)))));
        }
        termAround(created, addDays(endDay, -1));
        if (status === 'expired') termEnd = endDay;
        billingEnd = addDays(endDay, -1);
        lastBilling = termStart;
        if (status === 'expired') expires = endDay;
        else {
          cancelled = endDay;
          expires = endDay;
        }
        break;
      }
      default: {
        termAround(created, this.today);
        lastBilling = termStart;
        if (status === 'non_renewing') {
          expires = termEnd;
          scheduledCancellation = termEnd;
        } else if (status === 'paused') {
          pauseDate = addDays(termStart, 3) > this.today ? this.today : addDays(termStart, 3);
          resumeDate = addDays(this.today, 30);
          billingEnd = pauseDate;
        } else if (status === 'dunning') {
          nextRetry = addDays(this.today, 2);
          nextBilling = termEnd;
        } else if (status === 'unpaid') {
          nextBilling = '';
        } else {
          nextBilling = termEnd;
        }
      }
    }

    const persons = this.contactPersons[customer.customer_id] ?? [];
    const card =
      spec.autoCollect === false
        ? null
        : {
            card_id: this.id(),
            last_four_digits: this.rng.pick(['4242', '1881', '0005', '5100', '3782']),
            payment_gateway: info.code === 'JPY' ? 'gmo' : this.rng.pick(['stripe', 'stripe', 'braintree', 'authorize_net']),
            expiry_month: this.rng.int(1, 12),
            expiry_year: this.rng.int(2026, 2031),
          };
    const subscription: WireSubscription = {
      subscription_id: id,
      subscription_number: `SUB-${String(this.subscriptionCounter++).padStart(5, '0')}`,
      name: `${plan.product.name}-${plan.name}`,
      status,
      customer_id: customer.customer_id,
      customer_name: customer.display_name,
      email: customer.email,
      plan_name: plan.name,
      plan_code: plan.code,
      amount,
      sub_total: subTotal,
      currency_code: info.code,
      currency_symbol: info.symbol,
      interval: plan.interval,
      interval_unit: plan.unit,
      auto_collect: card !== null,
      created_at: created,
      activated_at: activated,
      starts_at: startsAt,
      trial_starts_at: trialStarts,
      trial_ends_at: trialEnds,
      current_term_starts_at: termStart,
      current_term_ends_at: termEnd,
      last_billing_at: lastBilling,
      next_billing_at: nextBilling,
      next_retry_at: nextRetry,
      expires_at: expires,
      cancelled_at: cancelled,
      scheduled_cancellation_date: scheduledCancellation,
      pause_date: pauseDate,
      resume_date: resumeDate,
      remaining_billing_cycles: -1,
      end_of_term: status === 'non_renewing',
      reference_id: spec.reference ?? '',
      salesperson_id: '',
      salesperson_name: '',
      child_invoice_id: '',
      product_id: plan.product.id,
      product_name: plan.product.name,
      plan: {
        plan_code: plan.code,
        name: plan.name,
        description: plan.description,
        price: planPrice,
        quantity,
        discount: 0,
        total: planTotal,
        setup_fee: 0,
        tax_id: tax?.id ?? '',
        tax_name: tax?.name ?? '',
        tax_percentage: tax?.percentage ?? 0,
        tax_type: tax ? 'tax' : '',
      },
      addons,
      coupon: { coupon_code: spec.coupon?.code ?? '', discount_amount: discount },
      taxes: tax ? [{ tax_id: tax.id, tax_name: `${tax.name} (${tax.percentage}%)`, tax_amount: taxAmount }] : [],
      card,
      payment_terms: customer.payment_terms,
      payment_terms_label: customer.payment_terms_label,
      customer: {
        customer_id: customer.customer_id,
        display_name: customer.display_name,
        first_name: customer.first_name,
        last_name: customer.last_name,
        email: customer.email,
        company_name: customer.company_name,
        billing_address: customer.billing_address,
        shipping_address: customer.shipping_address,
        payment_terms: customer.payment_terms,
        payment_terms_label: customer.payment_terms_label,
      },
      contactpersons: persons,
      notes: [],
      custom_fields: [],
      payment_gateways: card ? [{ payment_gateway: card.payment_gateway }] : [],
      created_time: dateTime(created, 37_000 + this.rng.int(0, 20_000)),
      updated_time: this.time(lastBilling || created),
    };
    this.subscriptions.push(subscription);

    // History: what Billing's recent activities would show for this life cycle.
    this.activity(id, created, 'Subscription created', this.rng.pick(['Priya Raman', 'Zoho Billing', 'Kenji Mori']), 37_000);
    if (trialStarts) this.activity(id, trialStarts, `Trial started - ends on ${trialEnds}`, 'Zoho Billing', 37_060);
    if (activated) this.activity(id, activated, 'Subscription activated', 'Zoho Billing', 37_120);

    if (billingEnd) {
      const lines = [{ name: plan.name, description: '', usd: 0, quantity, code: plan.code, native: planPrice }, ...addons.map((a) => ({ name: a.name, description: '', usd: 0, quantity: a.quantity, code: a.addon_code, native: a.price }))];
      const until = billingEnd < this.today ? billingEnd : this.today;
      let periods = periodsBetween(activated, until, plan.interval, plan.unit);
      while (periods > 0 && step(activated, periods) > until) periods -= 1;
      // Only the latest six renewals are kept: enough history for the tabs, cheap to build.
      const recent: string[] = [];
      for (let n = Math.max(0, periods - 5); n <= periods; n += 1) recent.push(step(activated, n));
      const firstIsNew = periods <= 5;
      recent.forEach((start, index) => {
        const isLast = index === recent.length - 1;
        let invoiceStatus = 'paid';
        if (isLast && (status === 'dunning' || status === 'unpaid' || status === 'cancelled_from_dunning')) invoiceStatus = 'overdue';
        else if (isLast && card === null && status === 'live') invoiceStatus = this.rng.pick(['sent', 'viewed', 'paid']);
        const invoice = this.invoice(customer, {
          date: start,
          status: invoiceStatus,
          subscriptionId: id,
          transactionType: index === 0 && firstIsNew ? 'new' : 'renewal',
          nativePrices: true,
          lines: lines.map((l) => ({
            name: l.name,
            description: `Charges for this duration (from ${start} to ${addDays(step(start, 1), -1)})`,
            usd: l.native,
            quantity: l.quantity,
            code: l.code,
          })),
        }, discount);
        subscription.child_invoice_id = invoice.invoice_id;
        // Renewals run at night; the first invoice follows the sign-up.
        const second = start === created ? 37_180 : 3_600;
        this.pendingInvoiceActivities.push({ activity: this.activity(id, start, 'Invoice created - ', 'Zoho Billing', second), invoiceId: invoice.invoice_id });
        if (invoice.payments.length > 0) this.activity(id, start, `Payment of ${this.money(customer, invoice.payment_made)} received`, 'Zoho Billing', second + 100);
        else if (invoiceStatus === 'overdue') this.activity(id, addDays(start, 1), `Payment of ${this.money(customer, invoice.total)} declined - retry scheduled`, 'Zoho Billing', 3_700);
      });
    }
    if (status === 'non_renewing') this.activity(id, addDays(this.today, -this.rng.int(2, 20)), `Subscription marked to be cancelled on ${scheduledCancellation}`, customer.first_name || 'Zoho Billing');
    if (cancelled) this.activity(id, cancelled, status === 'cancelled_from_dunning' ? 'Subscription cancelled after failed payment retries' : 'Subscription cancelled');
    if (status === 'expired' || status === 'trial_expired') this.activity(id, expires, 'Subscription expired');
    if (status === 'paused') this.activity(id, pauseDate, `Subscription paused - resumes on ${resumeDate}`);
    if (status === 'unpaid') this.activity(id, addDays(this.today, -2), 'Subscription marked as unpaid after the last retry');
    if (status === 'creation_failed') this.activity(id, created, 'Subscription creation failed - card authorisation declined', 'Zoho Billing', 37_090);
    if (status === 'future') this.activity(id, created, `Subscription scheduled to start on ${startsAt}`, 'Zoho Billing', 37_090);
    if (spec.note) {
      const day = addDays(this.today, -this.rng.int(1, 30));
      const time = this.time(day);
      subscription.notes.push({ note_id: this.id(), description: spec.note, commented_by: 'Priya Raman', commented_time: time });
      (this.activities[id] ??= []).push({ activity_id: this.id(), description: `Note added: ${spec.note}`, activity_time: time, commented_by: 'Priya Raman' });
    }
    this.activities[id]?.sort((a, b) => compareText(a.activity_time, b.activity_time));
    return subscription;
  }

  invoice(customer: WireCustomer, spec: InvoiceSpec, discount = 0): WireInvoice {
    const info = currencyOf(customer.currency_code);
    const tax = TAX_BY_CURRENCY[info.code];
    const items: WireInvoiceItem[] = spec.lines.map((line) => {
      const price = spec.nativePrices ? line.usd : convertPrice(line.usd, info.code);
      const itemId = line.item ? (this.itemIdsByName.get(line.item) ?? '') : '';
      return {
        item_id: this.id(),
        product_id: itemId || PRODUCT_CLOUD.id,
        name: line.item ?? line.name ?? 'Service',
        description: line.description ?? '',
        code: line.code ?? '',
        price,
        quantity: line.quantity,
        discount_amount: 0,
        item_total: roundMoney(price * line.quantity, info.precision),
        tax_id: tax?.id ?? '',
        tax_name: tax?.name ?? '',
        tax_percentage: tax?.percentage ?? 0,
      };
    });
    const subTotal = roundMoney(items.reduce((sum, item) => sum + item.item_total, 0) - discount, info.precision);
    const taxTotal = tax ? roundMoney((subTotal * tax.percentage) / 100, info.precision) : 0;
    const total = roundMoney(subTotal + taxTotal, info.precision);
    const dueDate = addDays(spec.date, customer.payment_terms);
    let status = spec.status;
    // Keep status and dates consistent, whatever the caller asked for.
    if ((status === 'sent' || status === 'viewed' || status === 'unpaid') && dueDate < this.today && !spec.reference) status = 'overdue';
    if (status === 'overdue' && dueDate >= this.today) status = 'sent';
    const creditsApplied = spec.creditUsd && (status === 'paid' || status === 'partially_paid') ? Math.min(total, convertPrice(spec.creditUsd, info.code)) : 0;
    let paymentMade = 0;
    if (status === 'paid') paymentMade = roundMoney(total - creditsApplied, info.precision);
    else if (status === 'partially_paid') paymentMade = roundMoney(total * 0.4, info.precision);
    const balance = status === 'void' || status === 'paid' ? 0 : roundMoney(Math.max(0, total - paymentMade - creditsApplied), info.precision);
    const id = spec.id ?? this.id();
    const created = this.time(spec.date);
    const payments =
      paymentMade > 0
        ? [
            {
              payment_id: this.id(),
              invoice_payment_id: this.id(),
              payment_mode: spec.subscriptionId ? 'autotransaction' : this.rng.pick(['banktransfer', 'creditcard', 'check', 'cash']),
              amount_refunded: 0,
              gateway_transaction_id: spec.subscriptionId ? `ch_${this.hex(16)}` : '',
              description: '',
              date: addDays(spec.date, status === 'paid' && !spec.subscriptionId ? Math.min(customer.payment_terms, this.rng.int(0, 20)) : 0),
              reference_number: '',
              amount: paymentMade,
              bank_charges: 0,
              exchange_rate: 1,
            },
          ]
        : [];
    const invoice = invoiceRow(customer, {
      invoice_id: id,
      number: '', // assigned in date order once the world is complete
      status,
      invoice_date: spec.date,
      due_date: dueDate,
      transaction_type: spec.transactionType ?? 'one_time',
      reference_number: spec.reference ?? '',
      invoice_items: items,
      subscriptions: spec.subscriptionId ? [{ subscription_id: spec.subscriptionId }] : [],
      credits:
        creditsApplied > 0
          ? [{ creditnote_id: this.id(), creditnotes_number: `CN-${String(this.rng.int(10, 999)).padStart(5, '0')}`, credited_date: spec.date, credited_amount: creditsApplied }]
          : [],
      sub_total: subTotal,
      tax_total: taxTotal,
      total,
      payment_made: paymentMade,
      credits_applied: creditsApplied,
      balance,
      payments,
      invoice_url: spec.invoiceUrl ?? `https://zohosecurepay.com/billing/zylkercloud/secure?CInvoiceID=2-${this.hex(40)}`,
      custom_fields: deskTicketField(spec.reference),
      notes: spec.notes ?? 'Thanks for your business.',
      created_time: created,
      updated_time: payments[0] ? dateTime(payments[0].date, 3_700) : created,
    });
    this.invoices.push(invoice);
    if (status !== 'draft') {
      this.transactions.push({
        transaction_id: this.id(),
        reference_id: id,
        customer_id: customer.customer_id,
        date: spec.date,
        type: 'invoice',
        status,
        amount: total.toFixed(info.precision),
      });
    }
    for (const payment of payments) {
      this.transactions.push({
        transaction_id: this.id(),
        reference_id: payment.payment_id,
        customer_id: customer.customer_id,
        date: payment.date,
        type: 'payment',
        status: 'success',
        amount: payment.amount.toFixed(info.precision),
      });
    }
    return invoice;
  }

  /** A declined card payment as the customer's transactions list it (payments.yml: status `failure`). */
  failedPayment(customer: WireCustomer, date: string, amount: number): void {
    const info = currencyOf(customer.currency_code);
    this.transactions.push({
      transaction_id: this.id(),
      reference_id: this.id(),
      customer_id: customer.customer_id,
      date,
      type: 'payment',
      status: 'failure',
      amount: amount.toFixed(info.precision),
    });
  }

  refund(customer: WireCustomer, usd: number, daysAgo: number): void {
    const info = currencyOf(customer.currency_code);
    this.transactions.push({
      transaction_id: this.id(),
      reference_id: this.id(),
      customer_id: customer.customer_id,
      date: addDays(this.today, -daysAgo),
      type: 'refund',
      status: 'success',
      amount: convertPrice(usd, info.code).toFixed(info.precision),
    });
  }

  estimate(customer: WireCustomer, status: string, daysAgo: number, lines: LineSpec[], reference = ''): WireEstimate {
    const info = currencyOf(customer.currency_code);
    const date = addDays(this.today, -daysAgo);
    const lineItems = lines.map((line) => {
      const rate = convertPrice(line.usd, info.code);
      return {
        item_id: (line.item && this.itemIdsByName.get(line.item)) || '',
        line_item_id: this.id(),
        name: line.item ?? line.name ?? 'Service',
        description: line.description ?? '',
        rate,
        quantity: line.quantity,
        item_total: roundMoney(rate * line.quantity, info.precision),
      };
    });
    const subTotal = roundMoney(lineItems.reduce((sum, l) => sum + l.item_total, 0), info.precision);
    const estimate: WireEstimate = {
      estimate_id: this.id(),
      estimate_number: '',
      status,
      customer_id: customer.customer_id,
      customer_name: customer.display_name,
      date,
      expiry_date: addDays(date, 30),
      reference_number: reference,
      currency_id: info.id,
      currency_code: info.code,
      currency_symbol: info.symbol,
      line_items: lineItems,
      sub_total: subTotal,
      total: subTotal,
      notes: '',
      has_attachment: false,
      is_viewed_by_client: status !== 'draft' && status !== 'sent',
      accepted_date: status === 'accepted' || status === 'invoiced' ? addDays(date, 3) : '',
      declined_date: status === 'declined' ? addDays(date, 5) : '',
      created_time: this.time(date),
      last_modified_time: this.time(addDays(date, 1)),
    };
    this.estimates.push(estimate);
    return estimate;
  }

  /** Invoice and quote numbers follow creation order, as in a real org. */
  /** Invoices from here on are numbered after all earlier ones (the problem cases keep everyone else's numbers). */
  numberLaterFrom: number | null = null;

  finish(): void {
    const byTime = (a: WireInvoice, b: WireInvoice) => compareText(a.created_time, b.created_time) || compareText(a.invoice_id, b.invoice_id);
    const split = this.numberLaterFrom ?? this.invoices.length;
    const byCreation = [...this.invoices.slice(0, split).sort(byTime), ...this.invoices.slice(split).sort(byTime)];
    byCreation.forEach((invoice, index) => {
      invoice.number = `INV-${String(index + 1).padStart(6, '0')}`;
    });
    this.invoiceCounter = byCreation.length + 1;
    const quotes = [...this.estimates].sort((a, b) => compareText(a.created_time, b.created_time));
    quotes.forEach((quote, index) => {
      quote.estimate_number = `QT-${String(index + 1).padStart(6, '0')}`;
    });
    this.estimateCounter = quotes.length + 1;
    // Activity texts were written before numbers existed.
    const numberById = new Map(this.invoices.map((inv) => [inv.invoice_id, inv.number]));
    for (const { activity, invoiceId } of this.pendingInvoiceActivities) activity.description += numberById.get(invoiceId) ?? '';
    const owed = new Map<string, number>();
    for (const inv of this.invoices) {
      if (inv.status !== 'draft' && inv.status !== 'void') owed.set(inv.customer_id, (owed.get(inv.customer_id) ?? 0) + inv.balance);
    }
    for (const customer of this.customers) {
      customer.outstanding_receivable_amount = roundMoney(owed.get(customer.customer_id) ?? 0, currencyOf(customer.currency_code).precision);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Organizations

function organization(
  id: string,
  name: string,
  role: string,
  currency: string,
  extra: { country: string; country_code: string; language_code: string; time_zone: string; time_zone_formatted: string; is_default_org: boolean; contact_name: string; email: string; created: string },
): WireOrganization {
  const info = currencyOf(currency);
  return {
    organization_id: id,
    name,
    contact_name: extra.contact_name,
    email: extra.email,
    is_default_org: extra.is_default_org,
    user_role: role,
    user_status: 'active',
    isOrgNotSupported: false,
    country: extra.country,
    country_code: extra.country_code,
    plan_type: 2,
    plan_name: 'STANDARD',
    language_code: extra.language_code,
    fiscal_year_start_month: extra.country_code === 'JP' ? 3 : 0,
    account_created_date: extra.created,
    account_created_date_formatted: formattedDate(extra.created),
    time_zone: extra.time_zone,
    time_zone_formatted: extra.time_zone_formatted,
    is_org_active: true,
    mode: 'live',
    currency_id: info.id,
    currency_code: info.code,
    currency_symbol: info.symbol,
    currency_format: '###,##0.00',
    price_precision: info.precision,
  };
}

function buildOrganizations(): WireOrganization[] {
  return [
    organization(F.primaryOrgId, 'Zylker Cloud Inc.', 'admin', 'USD', {
      country: 'U.S.A', country_code: 'US', language_code: 'en', time_zone: 'America/Los_Angeles',
      time_zone_formatted: '( GMT -8:00 ) Pacific Standard Time (America/Los_Angeles)', is_default_org: true,
      contact_name: 'Priya Raman', email: 'billing@zylker.example', created: '2022-04-11',
    }),
    organization(F.japanOrgId, 'ジルカー株式会社', 'Admin', 'JPY', {
      country: 'Japan', country_code: 'JP', language_code: 'ja', time_zone: 'Asia/Tokyo',
      time_zone_formatted: '( GMT 9:00 ) Japan Standard Time (Asia/Tokyo)', is_default_org: false,
      contact_name: '森 健二', email: 'billing-jp@zylker.example', created: '2023-07-03',
    }),
    organization(F.staffOrgId, 'Zylker Europe GmbH', 'staff', 'EUR', {
      country: 'Germany', country_code: 'DE', language_code: 'de', time_zone: 'Europe/Berlin',
      time_zone_formatted: '( GMT 1:00 ) Central European Time (Europe/Berlin)', is_default_org: false,
      contact_name: 'Jonas Weber', email: 'billing-eu@zylker.example', created: '2024-01-15',
    }),
    organization(F.accountantOrgId, 'Zylker Retail LLC', 'accountant', 'USD', {
      country: 'U.S.A', country_code: 'US', language_code: 'en', time_zone: 'America/New_York',
      time_zone_formatted: '( GMT -5:00 ) Eastern Standard Time (America/New_York)', is_default_org: false,
      contact_name: 'Dana Fox', email: 'ops@zylker-retail.example', created: '2024-09-02',
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Anchors

const ALL_SUBSCRIPTION_STATUSES = [
  'live', 'trial', 'dunning', 'unpaid', 'non_renewing', 'cancelled', 'expired', 'trial_expired', 'future', 'paused', 'creation_failed', 'cancelled_from_dunning',
] as const;

function buildAnchors(b: WorldBuilder): void {
  const today = b.today;

  const bowman = b.customer({
    id: F.bowmanCustomerId,
    display_name: 'Bowman Furniture', salutation: 'Mr.', first_name: 'Benjamin', last_name: 'George', email: F.bowmanEmail,
    company_name: 'Bowman Furniture', phone: '+1 415 555 0134', mobile: '+1 415 555 0199', website: 'www.bowman.example',
    department: 'Operations', designation: 'Owner', currency: 'USD', payment_terms: 15, unused_credits: 25, createdDaysAgo: 1025,
    billing: { attention: 'Benjamin George', street: '1200 Harrison St', street2: 'Suite 400', city: 'San Francisco', state: 'California', state_code: 'CA', zip: '94103', country: 'U.S.A' },
    shipping: { attention: 'Receiving', street: '88 Dock Rd', city: 'Oakland', state: 'California', state_code: 'CA', zip: '94607', country: 'U.S.A' },
    contacts: [
      { first_name: 'Rosa', last_name: 'Alvarez', email: 'rosa.alvarez@bowman.example', phone: '+1 415 555 0150', designation: 'Accounts payable' },
      { first_name: 'Tom', last_name: 'Reilly', email: 'it@bowman.example', designation: 'IT' },
    ],
    custom_fields: [{ label: 'Desk Account', value: 'ACC-5521' }],
  });
  b.subscription(bowman, { plan: 'pro-monthly', status: 'live', startDaysAgo: 660, addons: [{ code: 'extra-seat', quantity: 2 }], note: 'Customer asked to move renewal date in April.' });
  b.subscription(bowman, { plan: 'storage-annual', status: 'non_renewing', startDaysAgo: 300 });
  b.subscription(bowman, { plan: 'basic-monthly', status: 'cancelled', startDaysAgo: 1000 });
  b.invoice(bowman, {
    // The overdue invoice billing-api.md §12.8 shows; tests name its id.
    id: F.bowmanTicketInvoiceId,
    date: addDays(today, -40), status: 'overdue', reference: deskReference(T.bowman), transactionType: 'one_time',
    lines: [{ item: 'On-site setup', description: `Setup visit for ticket #${T.bowman}`, usd: 149, quantity: 1 }],
  });
  b.invoice(bowman, { date: addDays(today, -3), status: 'sent', reference: deskReference(T.bowmanSecond), lines: [{ item: 'Training session (2 h)', usd: 300, quantity: 1 }] });
  b.invoice(bowman, { date: addDays(today, -200), status: 'paid', reference: 'PO-7781', creditUsd: 20, lines: [{ item: 'Hardware security key', usd: 35, quantity: 4 }] });
  b.estimate(bowman, 'sent', 6, [{ item: 'Consulting day', usd: 1200, quantity: 2 }], deskReference(T.bowman));
  b.refund(bowman, 35, 150);

  const yamada = b.customer({
    id: F.yamadaCustomerId,
    display_name: '株式会社山田商事', first_name: '太郎', last_name: '山田', email: F.yamadaEmail, company_name: '株式会社山田商事',
    phone: '+81 3-1234-5678', mobile: '+81 90-1234-5678', website: 'www.yamada-shoji.example', department: '経理部', designation: '部長',
    currency: 'JPY', payment_terms: 30, unused_credits: 12000, createdDaysAgo: 700,
    billing: { attention: '経理部 山田 太郎', street: '丸の内1-1-1', street2: 'パレスビル5階', city: '千代田区', state: '東京都', state_code: '13', zip: '100-0005', country: 'Japan' },
    shipping: { attention: '総務部', street: '大手町2-3-4', city: '千代田区', state: '東京都', state_code: '13', zip: '100-0004', country: 'Japan' },
    contacts: [{ first_name: 'さくら', last_name: '山本', email: 'sakura.yamamoto@yamada-shoji.example', designation: '総務' }],
  });
  b.subscription(yamada, { plan: 'jp-standard-monthly', status: 'live', startDaysAgo: 420, quantity: 5, addons: [{ code: 'priority-support', quantity: 1 }] });
  b.subscription(yamada, { plan: 'business-monthly', status: 'trial', startDaysAgo: 6, autoCollect: false });
  b.invoice(yamada, { date: addDays(today, -5), status: 'sent', reference: deskReference(T.yamada), lines: [{ item: '導入支援サービス', usd: 500, quantity: 1 }] });
  b.invoice(yamada, { date: addDays(today, -95), status: 'paid', creditUsd: 40, lines: [{ item: 'Training session (2 h)', usd: 300, quantity: 2 }] });
  b.estimate(yamada, 'accepted', 20, [{ item: '導入支援サービス', usd: 500, quantity: 1 }]);

  const sato = b.customer({
    id: F.satoCustomerId,
    display_name: '佐藤電機株式会社', first_name: '花子', last_name: '佐藤', email: F.satoEmail, company_name: '佐藤電機株式会社',
    phone: '+81 6-6345-7788', currency: 'JPY', payment_terms: 45, createdDaysAgo: 500,
    billing: { attention: '佐藤 花子', street: '梅田2-4-9', city: '大阪市北区', state: '大阪府', state_code: '27', zip: '530-0001', country: 'Japan' },
    shipping: null,
  });
  b.subscription(sato, { plan: 'jp-standard-monthly', status: 'non_renewing', startDaysAgo: 480, quantity: 3 });
  b.subscription(sato, { plan: 'storage-annual', status: 'expired', startDaysAgo: 470 });
  b.invoice(sato, { date: addDays(today, -70), status: 'overdue', lines: [{ item: 'Premium support hour', usd: 120, quantity: 3 }] });

  const northwindCurrencies = ['USD', 'EUR', 'GBP'] as const;
  const northwindNames = ['Northwind Traders', 'Northwind Traders Europe B.V.', 'Northwind Traders UK Ltd'];
  const northwindCities = [
    { street: '2 Pier 39', city: 'Seattle', state: 'Washington', state_code: 'WA', zip: '98101', country: 'U.S.A' },
    { street: 'Keizersgracht 62', city: 'Amsterdam', state: 'Noord-Holland', state_code: 'NH', zip: '1015 CS', country: 'Netherlands' },
    { street: '30 St Mary Axe', city: 'London', state: 'London', state_code: '', zip: 'EC3A 8BF', country: 'United Kingdom' },
  ];
  northwindCurrencies.forEach((currency, index) => {
    const nw = b.customer({
      id: F.northwindCustomerIds[index],
      display_name: northwindNames[index]!, first_name: 'Nancy', last_name: 'Davolio',
      // One spelling with capitals: the email filter must be case-insensitive.
      email: index === 2 ? 'Accounts@Northwind.example' : F.northwindEmail,
      company_name: northwindNames[index]!, phone: ['+1 206 555 0101', '+31 20 555 0101', '+44 20 7946 0101'][index], currency,
      payment_terms: 30, unused_credits: index === 1 ? 80 : 0, createdDaysAgo: 900 - index * 200, billing: northwindCities[index], shipping: northwindCities[index],
    });
    b.subscription(nw, { plan: index === 0 ? 'enterprise-annual' : 'business-monthly', status: index === 2 ? 'dunning' : 'live', startDaysAgo: 800 - index * 200, quantity: index === 0 ? 1 : 4 });
    if (index === 1) {
      b.invoice(nw, { date: addDays(today, -12), status: 'partially_paid', reference: deskReference(T.northwind), lines: [{ item: 'Data migration', usd: 750, quantity: 1 }] });
    }
  });

  const alpenglow = b.customer({
    id: F.alpenglowCustomerId,
    display_name: 'Alpenglow Outdoor GmbH', salutation: 'Ms.', first_name: 'Martina', last_name: 'Keller', email: F.alpenglowEmail,
    company_name: 'Alpenglow Outdoor GmbH', phone: '+49 89 5550 1234', currency: 'EUR', payment_terms: 30, createdDaysAgo: 380,
    billing: { attention: 'Buchhaltung', street: 'Leopoldstraße 12', city: 'München', state: 'Bayern', state_code: 'BY', zip: '80802', country: 'Germany' },
    shipping: { street: 'Lagerweg 3', city: 'Garmisch-Partenkirchen', state: 'Bayern', state_code: 'BY', zip: '82467', country: 'Germany' },
  });
  b.subscription(alpenglow, { plan: 'pro-annual', status: 'live', startDaysAgo: 370, coupon: { code: 'WELCOME10', discount: 92 } });
  b.subscription(alpenglow, { plan: 'helpdesk-quarterly', status: 'paused', startDaysAgo: 200 });

  const globex = b.customer({
    id: F.globexCustomerId,
    display_name: 'Globex Corporation', salutation: 'Mr.', first_name: 'Hank', last_name: 'Scorpio', email: F.globexEmail,
    company_name: 'Globex Corporation', phone: '+1 503 555 0188', website: 'www.globex.example', currency: 'USD', payment_terms: 30,
    unused_credits: 1520.5, createdDaysAgo: 1900,
    billing: { attention: 'Accounts Payable', street: '1 Globex Plaza', city: 'Cypress Creek', state: 'Oregon', state_code: 'OR', zip: '97035', country: 'U.S.A' },
    shipping: { attention: 'Dock 7', street: '900 Industrial Way', city: 'Portland', state: 'Oregon', state_code: 'OR', zip: '97217', country: 'U.S.A' },
    contacts: [{ first_name: 'Mindy', last_name: 'Simmons', email: 'mindy@globex.example' }],
  });
  b.subscription(globex, { plan: 'enterprise-annual', status: 'live', startDaysAgo: 1800, quantity: 20 });
  b.subscription(globex, { plan: 'business-monthly', status: 'live', startDaysAgo: 1500, quantity: 150 });

  const initech = b.customer({
    id: F.initechCustomerId,
    display_name: 'Initech Ltd', first_name: 'Bill', last_name: 'Lumbergh', email: F.initechEmail, company_name: 'Initech Ltd',
    phone: '+44 161 555 0142', currency: 'GBP', payment_terms: 30, unused_credits: 45.5, createdDaysAgo: 1400,
    billing: { attention: 'Finance', street: '1 Deansgate', city: 'Manchester', state: 'Greater Manchester', zip: 'M3 1AZ', country: 'United Kingdom' },
    shipping: null,
  });
  const planCodes = PLAN_SEEDS.map((p) => p.code);
  for (let i = 0; i < F.initechSubscriptionCount; i += 1) {
    const status = ALL_SUBSCRIPTION_STATUSES[i % ALL_SUBSCRIPTION_STATUSES.length]!;
    b.subscription(initech, {
      plan: planCodes[i % planCodes.length]!,
      status,
      startDaysAgo: status === 'future' ? -(5 + i) : 20 + i * 31,
      quantity: 1 + (i % 5),
      reference: `IT-${1000 + i}`,
    });
  }
  b.invoice(initech, { date: addDays(today, -30), status: 'void', lines: [{ item: 'Consulting day', usd: 1200, quantity: 1 }], notes: 'Raised in error.' });
  b.invoice(initech, { date: addDays(today, -1), status: 'draft', reference: deskReference(T.initech), lines: [{ item: 'Premium support hour', usd: 120, quantity: 5 }] });
  b.refund(initech, 120, 40);

  const umbrella = b.customer({
    id: F.umbrellaCustomerId,
    display_name: 'Umbrella Corporation', first_name: 'Albert', last_name: 'Wesker', email: F.umbrellaEmail, company_name: 'Umbrella Corporation',
    phone: '+1 212 555 0166', currency: 'USD', payment_terms: 60, createdDaysAgo: 800,
    billing: { street: '545 S Birdneck Rd', city: 'Raccoon City', state: 'Virginia', state_code: 'VA', zip: '23451', country: 'U.S.A' },
    shipping: { street: '545 S Birdneck Rd', city: 'Raccoon City', state: 'Virginia', state_code: 'VA', zip: '23451', country: 'U.S.A' },
  });
  b.subscription(umbrella, { plan: 'business-monthly', status: 'live', startDaysAgo: 780, quantity: 12, autoCollect: false });
  b.invoice(umbrella, { date: addDays(today, -10), status: 'viewed', lines: [{ item: 'Custom development', usd: 95, quantity: 16 }] });
  b.invoice(umbrella, { date: addDays(today, -2), status: 'unpaid', reference: deskReference(T.umbrella), lines: [{ item: 'On-site setup', usd: 149, quantity: 2 }] });

  const umbrellaRnd = b.customer({
    id: F.umbrellaRndCustomerId,
    display_name: 'Umbrella Corporation – R&D', first_name: 'Alice', last_name: 'Wong', email: F.umbrellaRndEmail, company_name: 'Umbrella Corporation',
    currency: 'EUR', payment_terms: 30, createdDaysAgo: 300,
    billing: { street: 'Industriestraße 9', city: 'Wien', state: 'Wien', zip: '1100', country: 'Austria' },
  });
  b.subscription(umbrellaRnd, { plan: 'pro-monthly', status: 'live', startDaysAgo: 290 });

  const hostile = b.customer({
    id: F.hostileCustomerId,
    display_name: F.hostileDisplayName,
    first_name: '"><script>alert(1)</script>', last_name: 'שלום \u202Egnp.exe', email: F.hostileEmail,
    company_name: 'شركة الاختبار \u202Efdp.exe <b>bold</b>', phone: '<svg onload=alert(1)>', website: 'javascript:alert(document.domain)',
    currency: 'USD', payment_terms: 15, createdDaysAgo: 50, notes: '<iframe src="javascript:alert(1)"></iframe>',
    billing: { attention: '<img src=x onerror=alert(2)>', street: '‏شارع الملك فهد 12', city: 'الرياض', state: '{{constructor.constructor("alert(1)")()}}', zip: '12271', country: 'Saudi Arabia' },
    shipping: { street: '${alert(1)}', city: '</div><script>alert(3)</script>', country: 'Nowhere' },
  });
  b.subscription(hostile, { plan: 'basic-monthly', status: 'live', startDaysAgo: 45, note: '<a href="javascript:alert(1)">click</a>' });
  b.invoice(hostile, {
    date: addDays(today, -4), status: 'sent', reference: deskReference(T.hostile), invoiceUrl: 'javascript:alert(document.cookie)',
    notes: '<script>alert("notes")</script>',
    lines: [{ name: '<img src=x onerror=alert(4)>', description: '\u202Eevil', usd: 10, quantity: 1 }],
  });

  b.customer({
    id: F.noAddressCustomerId,
    display_name: 'Acme Dental Clinic', first_name: 'Lena', last_name: 'Ortiz', email: F.noAddressEmail, company_name: 'Acme Dental Clinic',
    currency: 'GBP', createdDaysAgo: 15, billing: null, shipping: null,
  });

  const oldMill = b.customer({
    id: F.inactiveCustomerId,
    display_name: 'Old Mill Bakery', first_name: 'Greta', last_name: 'Hansen', email: F.inactiveEmail, company_name: 'Old Mill Bakery',
    currency: 'EUR', status: 'inactive', createdDaysAgo: 1200, billing: { street: 'Mühlenweg 4', city: 'Hamburg', zip: '20095', country: 'Germany' },
  });
  b.subscription(oldMill, { plan: 'basic-monthly', status: 'cancelled_from_dunning', startDaysAgo: 1100 });
  b.subscription(oldMill, { plan: 'pro-annual', status: 'expired', startDaysAgo: 900 });
}

// ---------------------------------------------------------------------------------------------
// Filler

const FILLER_SUB_STATUSES = ['live', 'live', 'live', 'live', 'trial', 'non_renewing', 'cancelled', 'dunning', 'future', 'expired', 'paused', 'unpaid'];
const FILLER_INVOICE_STATUSES = ['paid', 'paid', 'sent', 'overdue', 'partially_paid', 'void', 'draft', 'viewed', 'unpaid'];

function buildFiller(b: WorldBuilder, count: number): void {
  const rng = b.rng;
  const usedEmails = new Set(b.customers.map((c) => c.email.toLowerCase()));
  const usedNames = new Set(b.customers.map((c) => c.display_name.toLowerCase()));
  for (let i = 0; i < count; i += 1) {
    const japanese = i % 4 === 1;
    let spec: CustomerSpec;
    if (japanese) {
      const [last, lastRomaji] = rng.pick(JA_LAST);
      const [first, firstRomaji] = rng.pick(JA_FIRST);
      const [prefix, suffix, slug] = rng.pick(JA_COMPANY);
      const individual = rng.chance(0.2);
      const company = individual ? '' : `${prefix}${last}${suffix}`;
      const place = rng.pick(JA_CITIES);
      spec = {
        display_name: company || `${last} ${first}`,
        first_name: first,
        last_name: last,
        email: `${firstRomaji}.${lastRomaji}${i}@${individual ? 'mail' : `${lastRomaji}-${slug}`}.example`,
        company_name: company,
        phone: `+81 ${rng.int(3, 99)}-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`,
        currency: 'JPY',
        payment_terms: rng.pick([0, 30, 30, 60]),
        unused_credits: rng.chance(0.25) ? rng.int(1, 50) * 1000 : 0,
        createdDaysAgo: rng.int(30, 1500),
        billing: rng.chance(0.85) ? { attention: `${last} ${first}`, street: place.street, city: place.city, state: place.state, zip: place.zip, country: 'Japan' } : null,
        shipping: rng.chance(0.5) ? { street: place.street, city: place.city, state: place.state, zip: place.zip, country: 'Japan' } : null,
      };
    } else {
      const first = rng.pick(EN_FIRST);
      const last = rng.pick(EN_LAST);
      const place = rng.pick(EN_CITIES);
      const currency = rng.chance(0.15) ? 'USD' : place.currency;
      const individual = rng.chance(0.15);
      const base = `${rng.pick(EN_COMPANY_A)} ${rng.pick(EN_COMPANY_B)}`;
      const suffix = currency === 'USD' ? rng.pick(['Inc.', 'LLC', '']) : currency === 'GBP' ? 'Ltd' : rng.pick(EN_COMPANY_SUFFIX);
      const company = individual ? '' : `${base}${suffix ? ` ${suffix}` : ''}`;
      const domain = (company || `${first}${last}`).toLowerCase().replace(/[^a-z]+/g, '');
      spec = {
        display_name: company || `${first} ${last}`,
        salutation: rng.pick(['Mr.', 'Ms.', 'Mx.', '', 'Dr.']),
        first_name: first,
        last_name: last,
        email: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}.example`,
        company_name: company,
        phone: rng.chance(0.8) ? `+${currency === 'GBP' ? '44' : currency === 'EUR' ? '49' : '1'} ${rng.int(200, 999)} ${rng.int(100, 999)} ${rng.int(1000, 9999)}` : '',
        currency,
        payment_terms: rng.pick([0, 15, 30, 30, 45, 60]),
        unused_credits: rng.chance(0.25) ? rng.int(1, 400) : 0,
        createdDaysAgo: rng.int(20, 1600),
        billing: rng.chance(0.85) ? { attention: `${first} ${last}`, street: place.street, city: place.city, state: place.state, state_code: place.state_code, zip: place.zip, country: place.country } : null,
        shipping: rng.chance(0.55) ? { street: place.street, city: place.city, state: place.state, zip: place.zip, country: place.country } : null,
        contacts: rng.chance(0.3) ? [{ first_name: rng.pick(EN_FIRST), last_name: last, email: `billing@${domain}.example` }] : [],
      };
    }
    if (usedEmails.has(spec.email.toLowerCase())) spec.email = spec.email.replace('@', `${i}@`);
    usedEmails.add(spec.email.toLowerCase());
    // Billing refuses two customers with one display name.
    if (usedNames.has(spec.display_name.toLowerCase())) spec.display_name = `${spec.display_name} (${spec.billing?.city || i})`;
    if (usedNames.has(spec.display_name.toLowerCase())) spec.display_name = `${spec.display_name} ${i}`;
    usedNames.add(spec.display_name.toLowerCase());
    if (rng.chance(0.06)) spec.status = 'inactive';
    const customer = b.customer(spec);
    const subscriptionCount = rng.pick([0, 1, 1, 1, 2, 2, 3]);
    for (let s = 0; s < subscriptionCount; s += 1) {
      const status = customer.status === 'inactive' ? 'cancelled' : rng.pick(FILLER_SUB_STATUSES);
      b.subscription(customer, {
        plan: japanese ? rng.pick(['jp-standard-monthly', 'basic-monthly', 'pro-annual']) : rng.pick(PLAN_SEEDS).code,
        status,
        startDaysAgo: status === 'future' ? -rng.int(3, 40) : Math.min(spec.createdDaysAgo, rng.int(10, 900)),
        quantity: rng.int(1, 10),
        addons: rng.chance(0.2) ? [{ code: rng.pick(ADDON_SEEDS).code, quantity: rng.int(1, 3) }] : [],
        autoCollect: rng.chance(0.8),
      });
    }
    const oneOffs = rng.int(0, 3);
    for (let k = 0; k < oneOffs; k += 1) {
      const item = rng.pick(ITEM_SEEDS);
      b.invoice(customer, {
        date: addDays(b.today, -rng.int(0, Math.min(spec.createdDaysAgo, 700))),
        status: rng.pick(FILLER_INVOICE_STATUSES),
        reference: rng.chance(0.3) ? `PO-${rng.int(1000, 9999)}` : '',
        creditUsd: rng.chance(0.15) ? rng.int(5, 50) : 0,
        lines: [{ item: item.name, usd: item.usd, quantity: rng.int(1, 4) }],
      });
    }
    if (rng.chance(0.15)) {
      const item = rng.pick(ITEM_SEEDS);
      b.estimate(customer, rng.pick(['draft', 'sent', 'accepted', 'declined', 'invoiced', 'expired']), rng.int(1, 200), [{ item: item.name, usd: item.usd, quantity: rng.int(1, 5) }]);
    }
    if (rng.chance(0.08)) b.refund(customer, rng.int(10, 200), rng.int(5, 300));
  }
}

// ---------------------------------------------------------------------------------------------
// The problem line's customers (issue 20): one per kind. Built after the filler, so the filler's draws
// (and every id, number and amount the other tests and shots know) stay as they were.

/** The last day of the month `day` is in. */
function monthEnd(day: string): string {
  return addDays(addMonths(`${day.slice(0, 8)}01`, 1), -1);
}

/** A card valid for years: only Tanaka's card is the problem. */
function longCard(subscription: WireSubscription): void {
  if (!subscription.card) return;
  subscription.card.expiry_month = 12;
  subscription.card.expiry_year = Number(subscription.created_at.slice(0, 4)) + 6;
}

function buildProblemCases(b: WorldBuilder): void {
  const today = b.today;
  const kestrel = b.customer({
    id: F.kestrelCustomerId,
    display_name: 'Kestrel Analytics Inc.', first_name: 'Oliver', last_name: 'Grant', email: F.kestrelEmail, company_name: 'Kestrel Analytics Inc.',
    phone: '+1 617 555 0119', currency: 'USD', payment_terms: 0, createdDaysAgo: 420,
    billing: { attention: 'Oliver Grant', street: '40 Water St', city: 'Boston', state: 'Massachusetts', state_code: 'MA', zip: '02109', country: 'U.S.A' },
  });
  // The term started 10 days ago: its renewal charge was declined the day after, and Billing is retrying.
  const termStart = addDays(today, -10);
  const dunning = b.subscription(kestrel, { plan: 'pro-monthly', status: 'dunning', startDaysAgo: daysBetween(addMonths(termStart, -12), today) });
  longCard(dunning);
  const renewal = b.invoices.find((invoice) => invoice.invoice_id === dunning.child_invoice_id);
  if (renewal) {
    b.failedPayment(kestrel, addDays(renewal.invoice_date, 1), renewal.total);
    // No page of its own (invoices.yml's example `invoice_url` is ""): its link is a hosted page that expires.
    renewal.invoice_url = '';
  }

  const hoshino = b.customer({
    id: F.hoshinoCustomerId,
    display_name: '星野デザイン事務所', first_name: '結衣', last_name: '星野', email: F.hoshinoEmail, company_name: '星野デザイン事務所',
    phone: '+81 3-5555-0123', currency: 'JPY', payment_terms: 30, createdDaysAgo: 11,
    billing: { attention: '星野 結衣', street: '神宮前3-2-1', city: '渋谷区', state: '東京都', state_code: '13', zip: '150-0001', country: 'Japan' },
  });
  // jp-standard-monthly has a 14-day trial: created 11 days ago, it ends in 3 days.
  longCard(b.subscription(hoshino, { plan: 'jp-standard-monthly', status: 'trial', startDaysAgo: 11 }));

  const meadowbrook = b.customer({
    id: F.meadowbrookCustomerId,
    display_name: 'Meadowbrook Bakery', first_name: 'Fiona', last_name: 'Shaw', email: F.meadowbrookEmail, company_name: 'Meadowbrook Bakery',
    currency: 'GBP', payment_terms: 15, createdDaysAgo: 300,
    billing: { attention: 'Fiona Shaw', street: '12 Mill Lane', city: 'Bath', state: 'Somerset', zip: 'BA1 1AA', country: 'United Kingdom' },
  });
  // Cancelled at the end of its term, which ends in 9 days.
  longCard(b.subscription(meadowbrook, { plan: 'basic-monthly', status: 'non_renewing', startDaysAgo: daysBetween(addMonths(addDays(today, 9), -6), today) }));

  const tanaka = b.customer({
    id: F.tanakaCustomerId,
    display_name: '田中精機株式会社', first_name: '恵子', last_name: '田中', email: F.tanakaEmail, company_name: '田中精機株式会社',
    phone: '+81 52-555-0147', currency: 'JPY', payment_terms: 30, createdDaysAgo: 400,
    billing: { attention: '経理部 田中 恵子', street: '栄3-5-12', city: '名古屋市中区', state: '愛知県', state_code: '23', zip: '460-0008', country: 'Japan' },
  });
  // Renews on the 1st of next month (day 1 never clamps); the card is valid through the end of this month.
  const renewsOn = addDays(monthEnd(today), 1);
  const live = b.subscription(tanaka, { plan: 'jp-standard-monthly', status: 'live', startDaysAgo: daysBetween(addMonths(renewsOn, -8), today), quantity: 2 });
  if (live.card) {
    live.card.expiry_month = Number(today.slice(5, 7));
    live.card.expiry_year = Number(today.slice(0, 4));
  }
}

// ---------------------------------------------------------------------------------------------

export const FILLER_CUSTOMER_COUNT = 46;

export function generateBillingDataset(options: BillingDatasetOptions = {}): BillingDataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today && /^\d{4}-\d{2}-\d{2}$/.test(options.today) ? options.today : SANDBOX_TODAY;
  const b = new WorldBuilder(seed, today);
  buildAnchors(b);
  buildFiller(b, Math.max(0, Math.floor(options.fillerCustomers ?? FILLER_CUSTOMER_COUNT)));
  b.numberLaterFrom = b.invoices.length;
  buildProblemCases(b);
  b.finish();
  const globexSubs = b.subscriptions.filter((s) => s.customer_id === F.globexCustomerId).map((s) => s.subscription_id);
  const globexBulkCount = F.globexInvoiceCount - b.invoices.filter((inv) => inv.customer_id === F.globexCustomerId).length;
  const dataset: BillingDataset = {
    seed,
    today: b.today,
    organizations: buildOrganizations(),
    organizationSets: {
      many: [F.primaryOrgId, F.japanOrgId, F.staffOrgId],
      one: [F.primaryOrgId],
      none: [],
      'non-admin': [F.staffOrgId, F.accountantOrgId],
    },
    customers: b.customers,
    contactPersons: b.contactPersons,
    subscriptions: b.subscriptions,
    activities: b.activities,
    invoices: b.invoices,
    bulkInvoices: [
      {
        customerId: F.globexCustomerId,
        // Renewal invoices of its subscriptions are stored; the rest of the 5,000 come from the formula.
        count: globexBulkCount,
        subscriptionIds: globexSubs,
        // Far below the first pages (date order): "this ticket" must ask Billing, not filter loaded rows.
        referencedIndex: globexBulkCount - 150,
        referenceNumber: deskReference(T.globex),
      },
    ],
    transactions: b.transactions,
    items: b.items,
    plans: b.plans,
    estimates: b.estimates,
    hostedPages: [],
    nextId: b.nextId,
    nextInvoiceNumber: b.invoiceCounter,
    nextEstimateNumber: b.estimateCounter,
  };
  addBulkBalances(dataset);
  return dataset;
}

/** Only the most recent bulk invoices can be unpaid, so their balances are summed without building all of them. */
function addBulkBalances(dataset: BillingDataset): void {
  dataset.bulkInvoices.forEach((spec, specIndex) => {
    const customer = dataset.customers.find((c) => c.customer_id === spec.customerId);
    if (!customer) return;
    let owed = 0;
    for (let index = Math.max(0, spec.count - BULK_UNPAID_WINDOW); index < spec.count; index += 1) {
      owed += bulkInvoice(dataset, specIndex, spec, customer, index).balance;
    }
    customer.outstanding_receivable_amount = roundMoney(customer.outstanding_receivable_amount + owed, currencyOf(customer.currency_code).precision);
  });
}

