/**
 * Raw Zoho Billing records as they travel on the wire (snake_case, billing-api.md §12).
 * The sandbox stores the DETAIL shape of every record and derives list rows from it, so a list
 * and a detail of the same record can never disagree.
 * Types only (no code), one interface per Billing record: long because Billing's records are.
 */

export interface WireAddress {
  attention: string;
  street: string;
  street2: string;
  city: string;
  state: string;
  state_code: string;
  zip: string;
  country: string;
  phone: string;
  fax: string;
}

export interface WireOrganization {
  organization_id: string;
  name: string;
  contact_name: string;
  email: string;
  is_default_org: boolean;
  user_role: string;
  user_status: string;
  isOrgNotSupported: boolean;
  country: string;
  country_code: string;
  plan_type: number;
  plan_name: string;
  language_code: string;
  fiscal_year_start_month: number;
  account_created_date: string;
  account_created_date_formatted: string;
  time_zone: string;
  time_zone_formatted: string;
  is_org_active: boolean;
  mode: string;
  currency_id: string;
  currency_code: string;
  currency_symbol: string;
  currency_format: string;
  price_precision: number;
}

export interface WireCustomField {
  index: number;
  label: string;
  value: string;
  data_type: string;
}

export interface WireCustomer {
  customer_id: string;
  display_name: string;
  salutation: string;
  first_name: string;
  last_name: string;
  email: string;
  company_name: string;
  phone: string;
  mobile: string;
  website: string;
  department: string;
  designation: string;
  status: string;
  source: string;
  is_portal_enabled: boolean;
  currency_id: string;
  currency_code: string;
  currency_symbol: string;
  price_precision: number;
  unused_credits: number;
  outstanding: number;
  outstanding_receivable_amount: number;
  unused_credits_receivable_amount: number;
  unused_credits_receivable_amount_bcy: number;
  unused_credits_payable_amount: number;
  unused_credits_payable_amount_bcy: number;
  payment_terms: number;
  payment_terms_label: string;
  payment_reminder_enabled: boolean;
  ach_supported: boolean;
  can_add_card: boolean;
  can_add_bank_account: boolean;
  is_gapps_customer: boolean;
  is_linked_with_zohocrm: boolean;
  zcrm_account_id: string;
  zcrm_contact_id: string;
  primary_contactperson_id: string;
  pricebook_id: string;
  billing_address: WireAddress;
  shipping_address: WireAddress;
  custom_fields: WireCustomField[];
  tags: unknown[];
  notes: string;
  default_templates: { invoice_template_id: string; creditnote_template_id: string };
  has_attachment: boolean;
  created_time: string;
  updated_time: string;
}

export interface WireContactPerson {
  contactperson_id: string;
  salutation: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  mobile: string;
  fax: string;
  designation: string;
  department: string;
  is_primary_contact: boolean;
  zcrm_contact_id: string;
}

export interface WireSubscriptionLine {
  plan_code?: string;
  addon_code?: string;
  name: string;
  description?: string;
  price: number;
  quantity: number;
  discount: number;
  total: number;
  setup_fee?: number;
  tax_id: string;
  tax_name?: string;
  tax_percentage?: number;
  tax_type?: string;
}

export interface WireSubscription {
  subscription_id: string;
  subscription_number: string;
  name: string;
  status: string;
  customer_id: string;
  customer_name: string;
  email: string;
  plan_name: string;
  plan_code: string;
  amount: number;
  sub_total: number;
  currency_code: string;
  currency_symbol: string;
  interval: number;
  interval_unit: string;
  auto_collect: boolean;
  created_at: string;
  activated_at: string;
  /** Start date of a future subscription; "" otherwise. */
  starts_at: string;
  trial_starts_at: string;
  trial_ends_at: string;
  current_term_starts_at: string;
  current_term_ends_at: string;
  last_billing_at: string;
  next_billing_at: string;
  next_retry_at: string;
  expires_at: string;
  cancelled_at: string;
  scheduled_cancellation_date: string;
  pause_date: string;
  resume_date: string;
  remaining_billing_cycles: number;
  end_of_term: boolean;
  reference_id: string;
  salesperson_id: string;
  salesperson_name: string;
  child_invoice_id: string;
  product_id: string;
  product_name: string;
  plan: WireSubscriptionLine;
  addons: WireSubscriptionLine[];
  coupon: { coupon_code: string; discount_amount: number };
  taxes: { tax_id: string; tax_name: string; tax_amount: number }[];
  card: {
    card_id: string;
    last_four_digits: string;
    payment_gateway: string;
    expiry_month: number;
    expiry_year: number;
  } | null;
  payment_terms: number;
  payment_terms_label: string;
  customer: {
    customer_id: string;
    display_name: string;
    first_name: string;
    last_name: string;
    email: string;
    company_name: string;
    billing_address: WireAddress;
    shipping_address: WireAddress;
    payment_terms: number;
    payment_terms_label: string;
  };
  contactpersons: WireContactPerson[];
  notes: { note_id: string; description: string; commented_by: string; commented_time: string }[];
  custom_fields: WireCustomField[];
  payment_gateways: { payment_gateway: string }[];
  created_time: string;
  updated_time: string;
}

export interface WireActivity {
  activity_id: string;
  description: string;
  activity_time: string;
  commented_by: string;
}

export interface WireInvoiceItem {
  item_id: string;
  product_id: string;
  name: string;
  description: string;
  code: string;
  price: number;
  quantity: number;
  discount_amount: number;
  item_total: number;
  tax_id: string;
  tax_name: string;
  tax_percentage: number;
}

export interface WireInvoicePayment {
  payment_id: string;
  invoice_payment_id: string;
  payment_mode: string;
  amount_refunded: number;
  gateway_transaction_id: string;
  description: string;
  date: string;
  reference_number: string;
  amount: number;
  bank_charges: number;
  exchange_rate: number;
}

export interface WireInvoice {
  invoice_id: string;
  number: string;
  status: string;
  invoice_date: string;
  due_date: string;
  payment_expected_date: string;
  ach_payment_initiated: boolean;
  transaction_type: string;
  reference_number: string;
  customer_id: string;
  customer_name: string;
  email: string;
  invoice_items: WireInvoiceItem[];
  /** Billing lists the subscriptions an invoice bills; empty for one-off invoices. */
  subscriptions: { subscription_id: string }[];
  coupons: unknown[];
  credits: { creditnote_id: string; creditnotes_number: string; credited_date: string; credited_amount: number }[];
  sub_total: number;
  tax_total: number;
  total: number;
  payment_made: number;
  credits_applied: number;
  write_off_amount: number;
  balance: number;
  payments: WireInvoicePayment[];
  currency_code: string;
  currency_symbol: string;
  exchange_rate: number;
  price_precision: number;
  salesperson_id: string;
  salesperson_name: string;
  invoice_url: string;
  billing_address: WireAddress;
  shipping_address: WireAddress;
  custom_fields: WireCustomField[];
  comments: unknown[];
  notes: string;
  terms: string;
  can_send_in_mail: boolean;
  has_attachment: boolean;
  documents: unknown[];
  created_time: string;
  updated_time: string;
}

/**
 * A row of `GET /transactions` (customers.yml "List of transactions"): no currency of its own, a customer's
 * transactions are in the customer's currency. `customer_id` is the sandbox's own filing key, never answered.
 */
export interface WireTransaction {
  transaction_id: string;
  reference_id: string;
  customer_id: string;
  date: string;
  type: 'invoice' | 'payment' | 'credit' | 'refund';
  status: string;
  /** A string on the wire in the SPEC example. */
  amount: string;
}

export interface WireItem {
  item_id: string;
  name: string;
  description: string;
  rate: number;
  unit: string;
  sku: string;
  status: string;
  product_type: string;
  tax_id: string;
  created_time: string;
  updated_time: string;
}

export interface WirePlan {
  plan_code: string;
  plan_id: string;
  name: string;
  description: string;
  recurring_price: number;
  interval: number;
  interval_unit: string;
  billing_cycles: number;
  trial_period: number;
  setup_fee: number;
  product_id: string;
  product_name: string;
  tax_id: string;
  status: string;
  created_time: string;
  updated_time: string;
}

export interface WireEstimateLine {
  item_id: string;
  line_item_id: string;
  name: string;
  description: string;
  rate: number;
  quantity: number;
  item_total: number;
}

export interface WireEstimate {
  estimate_id: string;
  estimate_number: string;
  status: string;
  customer_id: string;
  customer_name: string;
  date: string;
  expiry_date: string;
  reference_number: string;
  currency_id: string;
  currency_code: string;
  currency_symbol: string;
  line_items: WireEstimateLine[];
  sub_total: number;
  total: number;
  notes: string;
  has_attachment: boolean;
  is_viewed_by_client: boolean;
  accepted_date: string;
  declined_date: string;
  created_time: string;
  last_modified_time: string;
}

export interface WireHostedPage {
  hostedpage_id: string;
  /** What the page is for (kept by the sandbox, not part of the answer): one of the two. */
  invoice_id?: string;
  subscription_id?: string;
  status: string;
  url: string;
  action: string;
  expiring_time: string;
  created_time: string;
}

/** Invoices generated from a formula on demand (the "very large customer"), never stored one by one. */
export interface BulkInvoiceSpec {
  customerId: string;
  count: number;
  subscriptionIds: string[];
  /** Index of the one bulk invoice that carries `referenceNumber` (a Desk ticket). */
  referencedIndex: number;
  referenceNumber: string;
}

export interface BillingDataset {
  seed: number;
  /** Fixed "today" (YYYY-MM-DD); every date is relative to it. */
  today: string;
  /** The pool; the faults.organizations switch picks which of them the account sees. */
  organizations: WireOrganization[];
  organizationSets: Record<'many' | 'one' | 'none' | 'non-admin', string[]>;
  customers: WireCustomer[];
  contactPersons: Record<string, WireContactPerson[]>;
  subscriptions: WireSubscription[];
  activities: Record<string, WireActivity[]>;
  invoices: WireInvoice[];
  bulkInvoices: BulkInvoiceSpec[];
  transactions: WireTransaction[];
  items: WireItem[];
  plans: WirePlan[];
  estimates: WireEstimate[];
  hostedPages: WireHostedPage[];
  /** Notes added to subscriptions (POST /subscriptions/{id}/notes), by subscription id. */
  subscriptionNotes?: Record<string, { note_id: string; description: string; commented_time: string }[]>;
  /** Next free id suffix; writes allocate ids from here so they never collide with generated ones. */
  nextId: number;
  nextInvoiceNumber: number;
  nextEstimateNumber: number;
}
