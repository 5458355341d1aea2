/**
 * Named anchors of the sandbox world. Billing ids here are fixed (not drawn from the PRNG) so
 * tests can name them; the Desk data (src/sandbox/desk/deskData.ts) is built around the same
 * emails, company names and ticket numbers.
 */

import { ticketReference } from '../../billing/ticketReference';

/** Desk ticket numbers that Billing invoices refer to as "DESK-<number>". */
export const TICKET_NUMBERS = {
  bowman: '104233',
  northwind: '104234',
  noMatch: '104235',
  secondaryEmail: '104236',
  yamada: '104240',
  globex: '104241',
  initech: '104242',
  umbrella: '104243',
  hostile: '104244',
  noEmail: '104245',
  sato: '104246',
  bowmanSecond: '104247',
  kestrel: '104248',
  hoshino: '104249',
  meadowbrook: '104250',
  tanaka: '104251',
} as const;

export const deskReference = (ticketNumber: string): string => ticketReference(ticketNumber) ?? '';

export const BILLING_FIXTURES = {
  /** Main admin org (USD), the default one. */
  primaryOrgId: '60012345678',
  /** Second admin org (JPY). */
  japanOrgId: '60087654321',
  /** Org where the user is only staff (EUR). */
  staffOrgId: '60055501234',
  /** Org where the user is only an accountant (only in the 'non-admin' set). */
  accountantOrgId: '60055509876',

  /** Bowman Furniture (USD): one customer for ben.george@bowman.example; invoices DESK-104233 and DESK-104247. */
  bowmanCustomerId: '2468013000000051001',
  bowmanEmail: 'ben.george@bowman.example',
  /** 株式会社山田商事 / 山田 太郎 (JPY, integer amounts); invoice DESK-104240. */
  yamadaCustomerId: '2468013000000051002',
  yamadaEmail: 'taro.yamada@yamada-shoji.example',
  /** 佐藤電機株式会社 / 佐藤 花子 (JPY), a non-renewing subscription. */
  satoCustomerId: '2468013000000051003',
  satoEmail: 'hanako.sato@sato-denki.example',
  /** Three customers (USD, EUR, GBP) sharing one email (one spelled with capitals). */
  northwindCustomerIds: ['2468013000000051004', '2468013000000051005', '2468013000000051006'],
  northwindEmail: 'accounts@northwind.example',
  /** Alpenglow Outdoor GmbH (EUR): matched through a Desk contact's SECONDARY email. */
  alpenglowCustomerId: '2468013000000051007',
  alpenglowEmail: 'm.keller@alpenglow.example',
  /** Globex Corporation (USD): the very large customer with 5,000 invoices. */
  globexCustomerId: '2468013000000051008',
  globexEmail: 'ap@globex.example',
  globexInvoiceCount: 5000,
  /** Initech Ltd (GBP): 40 subscriptions in every status. */
  initechCustomerId: '2468013000000051009',
  initechEmail: 'finance@initech.example',
  initechSubscriptionCount: 40,
  /** Umbrella Corporation (USD): company matches the Desk account name; not a Desk contact's email. */
  umbrellaCustomerId: '2468013000000051010',
  umbrellaEmail: 'billing@umbrella.example',
  /** Umbrella Corporation – R&D (EUR): matches the account's contact Alice Wong by email. */
  umbrellaRndCustomerId: '2468013000000051011',
  umbrellaRndEmail: 'alice.wong@umbrella.example',
  /** Hostile text in every free-text field (HTML, RTL override, javascript: URLs). */
  hostileCustomerId: '2468013000000051012',
  hostileEmail: 'hostile@example.test',
  hostileDisplayName: '<img src=x onerror=alert(1)>',
  /** Customer with both addresses empty and no payment terms. */
  noAddressCustomerId: '2468013000000051013',
  noAddressEmail: 'lena.ortiz@acmedental.example',
  /** Inactive customer with only cancelled/expired subscriptions. */
  inactiveCustomerId: '2468013000000051014',
  inactiveEmail: 'owner@oldmill.example',

  /** The problem line's customers (issue 20), built after the filler so its draws stay as they were. */
  /** Kestrel Analytics (USD): dunning subscription, its renewal invoice overdue, the payment failed (transactions). */
  kestrelCustomerId: '2468013000000051015',
  kestrelEmail: 'oliver.grant@kestrel.example',
  /** 星野デザイン事務所 (JPY): a trial ending in 3 days. */
  hoshinoCustomerId: '2468013000000051016',
  hoshinoEmail: 'yui.hoshino@hoshino-design.example',
  /** Meadowbrook Bakery (GBP): a non-renewing subscription ending in 9 days. */
  meadowbrookCustomerId: '2468013000000051017',
  meadowbrookEmail: 'orders@meadowbrook.example',
  /** 田中精機株式会社 (JPY): the card on file is valid until the end of this month, the renewal is next month. */
  tanakaCustomerId: '2468013000000051018',
  tanakaEmail: 'keiko.tanaka@tanaka-seiki.example',

  /** The overdue Bowman invoice whose reference is DESK-104233. */
  bowmanTicketInvoiceId: '2468013000000081107',
  /** A subscription id that does not exist (→ 404 code 1002). */
  unknownSubscriptionId: '2468013000000099999',
  unknownCustomerId: '2468013000000099998',
} as const;
