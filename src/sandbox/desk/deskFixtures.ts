/** Fixed ids of the sandbox's Desk world (portal, department, agents, named cases); deskData.ts builds the records. */
const PORTAL_ID = '60001234567';
/** Anchor customers have fixed ids below this; filler customers are numbered from it. */
export const FIRST_FILLER_ID = '2468013000000100000';
const DEPARTMENT_ID = '1892000000006907';

/**
 * Desk ids the tests and the simulator can name. Each entry says which case it exercises.
 */
export const DESK_FIXTURES = {
  portalId: PORTAL_ID,
  departmentId: DEPARTMENT_ID,
  /** Agent with the "Administrator" profile (may change settings). */
  adminAgentId: '1892000000042001',
  /** Agent with the "Agent" profile (settings read-only). */
  agentAgentId: '1892000000042005',

  /** Ticket 104233 by Benjamin George: exactly one Billing customer (Bowman Furniture); invoice DESK-104233. */
  singleMatchTicketId: '1892000000093011',
  singleMatchContactId: '1892000000070001',
  /** Second Bowman ticket (104247) with its own invoice DESK-104247: "this ticket" filter must differ. */
  secondSingleMatchTicketId: '1892000000093023',
  /** Ticket 104234 by Nancy Davolio: her email matches three Billing customers (USD/EUR/GBP). */
  multiMatchTicketId: '1892000000093013',
  multiMatchContactId: '1892000000070003',
  /** Ticket 104235 by Peter Novak: no Billing customer for his email. */
  noMatchTicketId: '1892000000093015',
  noMatchContactId: '1892000000070005',
  /** Ticket 104236 by Martina Keller: primary email unknown to Billing, SECONDARY email matches Alpenglow. */
  secondaryEmailTicketId: '1892000000093017',
  secondaryEmailContactId: '1892000000070007',
  /** Ticket 104240 in Japanese by 山田 太郎: 株式会社山田商事 (JPY); invoice DESK-104240. */
  japaneseTicketId: '1892000000093019',
  japaneseContactId: '1892000000070009',
  /** 株式会社山田商事 as a Desk account (two contacts; name equals the Billing company). */
  japaneseAccountId: '1892000000080003',
  /** Ticket 104246 in Japanese by 佐藤 花子 (JPY, non-renewing subscription). */
  satoTicketId: '1892000000093031',
  satoContactId: '1892000000070023',
  /** Ticket 104241 by Globex accounts payable: the customer with 5,000 invoices. */
  bigInvoicesTicketId: '1892000000093021',
  bigInvoicesContactId: '1892000000070011',
  /** Ticket 104242 by Initech finance: 40 subscriptions in every status. */
  manySubscriptionsTicketId: '1892000000093025',
  manySubscriptionsContactId: '1892000000070013',
  /** Umbrella Corporation account: name matches a Billing company; three contacts, one (Alice) matches another customer by email. */
  accountWithContactsId: '1892000000080001',
  /** Ticket 104243 by Alice Wong of Umbrella Corporation. */
  accountTicketId: '1892000000093027',
  umbrellaAliceContactId: '1892000000070015',
  umbrellaBobContactId: '1892000000070017',
  umbrellaCarolContactId: '1892000000070019',
  /** Account with no Billing counterpart at all (and no contacts). */
  noMatchAccountId: '1892000000080005',
  /** Ticket 104244 whose subject, contact and Billing customer carry hostile text. */
  hostileTicketId: '1892000000093029',
  hostileContactId: '1892000000070021',
  /** Ticket 104245 from a contact with no email at all (phone only). */
  noEmailTicketId: '1892000000093033',
  noEmailContactId: '1892000000070025',
  /** The problem line's customers (issue 20), one ticket each: dunning + failed payment, trial, non-renewing, card. */
  kestrelTicketId: '1892000000093035',
  kestrelContactId: '1892000000070033',
  hoshinoTicketId: '1892000000093037',
  hoshinoContactId: '1892000000070035',
  meadowbrookTicketId: '1892000000093039',
  meadowbrookContactId: '1892000000070037',
  tanakaTicketId: '1892000000093041',
  tanakaContactId: '1892000000070039',
} as const;
