/**
 * What the client sends or the sandbox answers beyond Zoho's OpenAPI files (zoho-billing-openapi.json, derived by
 * scripts/derive-openapi.mjs), each fact listed once with its evidence. The contract tests
 * (tests/unit/contract/contract.test.ts) fail on anything outside the files that is not here, and on an entry here
 * that nothing needs any more. "billing-api.md" is ../shared/reference/billing-api.md; FIX are the 2015 recorded
 * Billing answers and PD the 2023 real webhook payload it cites; tests/fixtures/billingRecorded.ts holds its §12
 * bodies. Add an entry only with a source that shows real Billing doing it; otherwise fix the sandbox or the client.
 */
export interface AllowEntry {
  /**
   * operation: an operation Zoho's files do not describe; query: a query parameter; value: a query or body value
   * outside the documented allowed values; body: a request-body property; type: a body value of another JSON type
   * than documented; missing: a property the files require that is not sent; answer: an answer property.
   */
  kind: 'operation' | 'query' | 'value' | 'body' | 'type' | 'missing' | 'answer' | 'status';
  /** "METHOD /path" as in Zoho's files. */
  operations: readonly string[];
  /** The parameter, `name=value`, or property path (`customers[].currency_symbol`); several for one fact. */
  where: string | readonly string[];
  evidence: string;
}

const LISTS = ['GET /customers', 'GET /subscriptions', 'GET /invoices', 'GET /transactions', 'GET /items', 'GET /plans', 'GET /estimates'];
const CUSTOMER_ANSWERS = ['GET /customers/{customer_id}', 'POST /customers', 'PUT /customers/{customer_id}'];
const INVOICE_ANSWERS = ['GET /invoices/{invoice_id}', 'POST /invoices'];
const SUBSCRIPTION = ['GET /subscriptions/{subscription_id}'];

export const ALLOW_LIST: readonly AllowEntry[] = [
  // --- operations -------------------------------------------------------------------------------
  {
    kind: 'operation',
    operations: ['GET /organizations'],
    where: '',
    evidence:
      "Zoho's files have no organizations module (their README). Documented at https://www.zohohelp.com/billing/api/v1/organizations; used without the org header by PD listOrganizations; recorded in FIX organizations-get-200.json (billing-api.md §2).",
  },
  {
    kind: 'answer',
    operations: ['GET /organizations'],
    where: [
      'organizations', 'organizations[].organization_id', 'organizations[].name', 'organizations[].contact_name', 'organizations[].email',
      'organizations[].is_default_org', 'organizations[].user_role', 'organizations[].user_status', 'organizations[].isOrgNotSupported',
      'organizations[].country', 'organizations[].country_code', 'organizations[].plan_type', 'organizations[].plan_name',
      'organizations[].language_code', 'organizations[].fiscal_year_start_month', 'organizations[].account_created_date',
      'organizations[].account_created_date_formatted', 'organizations[].time_zone', 'organizations[].time_zone_formatted',
      'organizations[].is_org_active', 'organizations[].mode', 'organizations[].currency_id', 'organizations[].currency_code',
      'organizations[].currency_symbol', 'organizations[].currency_format', 'organizations[].price_precision', 'code', 'message',
    ],
    evidence:
      'billing-api.md §2: DOC-ORG attributes (user_role, user_status), FIX organizations-get-200.json fields, Deluge get-organization (isOrgNotSupported, country_code); billingRecorded organizationsList.',
  },

  // --- query parameters -------------------------------------------------------------------------
  {
    kind: 'query',
    operations: LISTS,
    where: ['page', 'per_page'],
    evidence: 'Zoho Billing pagination page https://www.zoho.com/billing/api/v1/pagination/ (page, per_page, 200 by default; billing-api.md §3.2).',
  },
  {
    kind: 'query',
    operations: ['GET /invoices', 'GET /estimates'],
    where: 'sort_order',
    evidence: 'billing-api.md §3.2: sort_column with sort_order A/D; FIX page_context "sort_order":"A"; invoices.yml and quotes.yml document sort_order in page_context.',
  },
  {
    kind: 'query',
    operations: ['GET /invoices', 'GET /estimates'],
    where: 'sort_column',
    evidence:
      "invoices.yml and quotes.yml define sort_column in their components with its allowed values (invoices: customer_name, invoice_number, date, due_date, total, balance, created_time; quotes: …, created_time), not wired to the path (billing-api.md §3.2).",
  },
  {
    kind: 'query',
    operations: ['GET /estimates'],
    where: 'filter_by',
    evidence: "quotes.yml components/schemas/filter_by: 'Filter quotes by status. Allowed Values Status.All, …' (defined, not wired to GET /estimates; billing-api.md §9).",
  },
  {
    kind: 'query',
    operations: ['GET /invoices'],
    where: 'search_text',
    evidence: "invoices.yml components define search_text ('search invoices by invoice number or purchase order or customer name'), not wired to the path (billing-api.md §8.2, unverified): the ticket filter also checks every row.",
  },
  {
    kind: 'query',
    operations: ['GET /customers'],
    where: 'email',
    evidence: "Exact-email lookup used by 3P cojurent/ZohoSubscriptions.Net GetZohoCustomers.cs (customers?email=) and other clients (billing-api.md §5.2); the client also checks each row's email.",
  },
  {
    kind: 'query',
    operations: ['GET /customers'],
    where: 'search_text',
    evidence: "Zoho's own MCP tool ZohoBilling_Search_Customers takes search_text (zoho/zoho-billing-ai skills subscription-lookup, invoice-investigator; billing-api.md §5.2).",
  },
  {
    kind: 'query',
    operations: ['GET /invoices/{invoice_id}'],
    where: 'accept',
    evidence: 'DOC-RESP https://www.zohohelp.com/billing/api/v1/response/ and PM "Download an invoice as a pdf file": ?accept=pdf answers application/pdf (billing-api.md §8.1).',
  },

  // --- request bodies ---------------------------------------------------------------------------
  {
    kind: 'body',
    operations: ['POST /customers', 'PUT /customers/{customer_id}'],
    where: ['billing_address.street2', 'billing_address.phone', 'shipping_address.street2', 'shipping_address.phone'],
    evidence:
      "Billing's own customer addresses carry street2 and phone (PD 2023 webhook customer object, billing-api.md §5.3; billingRecorded customerDetail); customers.yml's request lists only attention, street, city, state, state_code, zip, country, fax. Unverified as accepted on write.",
  },
  {
    kind: 'type',
    operations: ['POST /invoices'],
    where: 'invoice_items[].price',
    evidence: "invoices.yml types price as string but gives the example 50, a number; Billing's money is JSON numbers (billing-api.md §4, §12.10 request example \"price\": 149.0).",
  },

  {
    kind: 'missing',
    operations: ['POST /customers', 'PUT /customers/{customer_id}'],
    where: ['tax_authority_id', 'tax_authority_name'],
    evidence:
      "customers.yml lists tax_authority_id and tax_authority_name as required; they are needed only to apply a tax exemption in US sales-tax orgs, and either one is enough (billing-api.md §5.4; customers.yml 'Either tax_authority_id or tax_authority_name can be given').",
  },

  // --- answers ------------------------------------------------------------------------------------
  {
    kind: 'answer',
    operations: LISTS,
    where: 'page_context',
    evidence: 'FIX customers-get-200.json and subscriptions-get-200.json page_context {page, per_page, has_more_page, report_name, applied_filter, sort_column, sort_order} (billing-api.md §3.2).',
  },
  {
    kind: 'answer',
    operations: ['GET /customers'],
    where: ['customers[].currency_symbol', 'customers[].status', 'customers[].outstanding_receivable_amount'],
    evidence: 'FIX customers-get-200.json list items (billing-api.md §5.2 "also carry currency_symbol, status, outstanding_receivable_amount"); billingRecorded customersList.',
  },
  {
    kind: 'answer',
    operations: CUSTOMER_ANSWERS,
    where: [
      'customer.currency_symbol', 'customer.outstanding_receivable_amount', 'customer.unused_credits_receivable_amount',
      'customer.unused_credits_receivable_amount_bcy', 'customer.unused_credits_payable_amount', 'customer.unused_credits_payable_amount_bcy',
      'customer.payment_reminder_enabled', 'customer.is_gapps_customer', 'customer.pricebook_id', 'customer.payment_terms',
    ],
    evidence: 'FIX customers/…-get-200.json detail (billing-api.md §5.3 [F] fields); billingRecorded customerDetail.',
  },
  {
    kind: 'answer',
    operations: [...CUSTOMER_ANSWERS, ...SUBSCRIPTION],
    where: [
      'customer.billing_address.street2', 'customer.billing_address.phone', 'customer.shipping_address.street2', 'customer.shipping_address.phone',
      'subscription.customer.billing_address.street2', 'subscription.customer.billing_address.phone',
      'subscription.customer.shipping_address.street2', 'subscription.customer.shipping_address.phone',
    ],
    evidence: 'PD 2023 webhook customer object: addresses also have street2 and phone (billing-api.md §5.3); billingRecorded customerDetail, subscriptionDetail.',
  },
  {
    kind: 'answer',
    operations: SUBSCRIPTION,
    where: ['subscription.customer.billing_address.state_code', 'subscription.customer.shipping_address.state_code'],
    evidence: "The subscription's customer is the customer record, whose addresses customers.yml documents with state_code (billing-api.md §5.3).",
  },
  {
    kind: 'answer',
    operations: ['GET /customers/{customer_id}/contactpersons'],
    where: 'contact_persons[].fax',
    evidence: 'billing-api.md §5.3: contact person item fields contactperson_id, first_name, last_name, email, phone, mobile (+fax).',
  },
  {
    kind: 'answer',
    operations: ['GET /subscriptions'],
    where: 'subscriptions[].sub_total',
    evidence: 'FIX subscriptions-get-200.json list rows carry sub_total (billing-api.md §6.4); billingRecorded subscriptionsList.',
  },
  {
    kind: 'answer',
    operations: SUBSCRIPTION,
    where: [
      'subscription.subscription_number', 'subscription.sub_total', 'subscription.cancelled_at', 'subscription.next_retry_at',
      'subscription.remaining_billing_cycles', 'subscription.scheduled_cancellation_date',
      'subscription.plan.description', 'subscription.plan.tax_name', 'subscription.plan.tax_percentage', 'subscription.plan.tax_type',
    ],
    evidence:
      'FIX subscriptions/…-get-200.json and PD 2023 webhook subscription (billing-api.md §4 next_retry_at, §6.5: subscription_number [P], sub_total [F], cancelled_at [F], plan {description, tax_name, tax_percentage, tax_type}, remaining_billing_cycles and scheduled_cancellation_date [PD]); billingRecorded subscriptionDetail.',
  },
  {
    kind: 'answer',
    operations: SUBSCRIPTION,
    where: [
      'subscription.contactpersons[].first_name', 'subscription.contactpersons[].last_name', 'subscription.contactpersons[].email',
      'subscription.contactpersons[].phone', 'subscription.contactpersons[].mobile', 'subscription.contactpersons[].zcrm_contact_id',
    ],
    evidence: 'FIX/PD subscription contactpersons[] {contactperson_id, email, phone, mobile, first_name, last_name, zcrm_contact_id} (billing-api.md §6.5); billingRecorded subscriptionDetail.',
  },
  {
    kind: 'answer',
    operations: ['GET /invoices'],
    where: 'invoices[].reference_number',
    evidence: "invoices.yml's other list shape (list-invoices-response, shape B) carries reference_number (billing-api.md §8.2); the ticket filter reads it.",
  },
  {
    kind: 'answer',
    operations: INVOICE_ANSWERS,
    where: ['invoice.billing_address.street', 'invoice.shipping_address.street'],
    evidence: "billing-api.md §8.3 and §12.8: an invoice's billing_address/shipping_address {street, city, state, zip, country, fax}; invoices.yml lists the same without street.",
  },
  {
    kind: 'answer',
    operations: ['GET /invoices/{invoice_id}'],
    where: [
      'invoice.reference_number', 'invoice.sub_total', 'invoice.tax_total', 'invoice.exchange_rate', 'invoice.price_precision', 'invoice.notes',
      'invoice.terms', 'invoice.invoice_items[].tax_name', 'invoice.invoice_items[].tax_percentage',
    ],
    evidence: "invoices.yml's own invoice-response schema and billing-api.md §8.3 detail fields (reference_number, amounts, price_precision, notes, terms, item tax_name/tax_percentage); billingRecorded invoiceDetail.",
  },
];
