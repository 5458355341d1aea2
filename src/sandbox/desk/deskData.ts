/**
 * The Zoho Desk side of the sandbox world: tickets, contacts, accounts and agents shaped like what
 * the SDK's get('ticket'|'contact'|'account') and the Desk REST API return (desk-sdk.md §2),
 * built around the Billing dataset's emails, company names and "DESK-<number>" invoice references.
 */
import { BILLING_FIXTURES as B, TICKET_NUMBERS as T } from '../billing/fixtures';
import type { BillingDataset, WireCustomer } from '../billing/wire';
import { DESK_FIXTURES, FIRST_FILLER_ID } from './deskFixtures';
import type { DeskAccountRecord, DeskAgentRecord, DeskContactRecord, DeskData, DeskProfileRecord, DeskTicketRecord } from './deskRecords';

const D = DESK_FIXTURES;
const { portalId: PORTAL_ID, departmentId: DEPARTMENT_ID } = DESK_FIXTURES;
const DESK_WEB = 'https://desk.zoho.com/support/zylker/ShowHomePage.do#';

interface ContactSeed {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  secondaryEmail?: string | null;
  phone?: string | null;
  accountId?: string | null;
  title?: string | null;
  address?: { street: string; city: string; state: string; zip: string; country: string } | null;
}

interface TicketSeed {
  id: string;
  number: string;
  subject: string;
  description: string;
  contactId: string;
  status?: string;
  priority?: string;
  channel?: string;
  language?: string;
  daysAgo: number;
}

function isoDaysAgo(today: string, days: number, second: number): string {
  const date = new Date(`${today}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - days);
  date.setUTCSeconds(second);
  return date.toISOString();
}

function customerById(billing: BillingDataset, id: string): WireCustomer | undefined {
  return billing.customers.find((c) => c.customer_id === id);
}

export function generateDeskData(billing: BillingDataset): DeskData {
  const today = billing.today;
  const created = (days: number, second = 36_000) => isoDaysAgo(today, days, second);

  const agents: DeskAgentRecord[] = [
    {
      id: D.adminAgentId, firstName: 'Priya', lastName: 'Raman', name: 'Priya Raman', emailId: 'priya.raman@zylker.example',
      status: 'ACTIVE', isConfirmed: true, roleId: '1892000000006685', profileId: '1892000000006697', langCode: 'en_US',
      timeZone: 'America/Los_Angeles', photoURL: null, associatedDepartmentIds: [DEPARTMENT_ID],
      profile: { id: '1892000000006697', name: 'Administrator', type: 'Administrator', default: true },
      role: { id: '1892000000006685', name: 'CEO' },
    },
    {
      id: D.agentAgentId, firstName: '健二', lastName: '森', name: '森 健二', emailId: 'kenji.mori@zylker.example',
      status: 'ACTIVE', isConfirmed: true, roleId: '1892000000006689', profileId: '1892000000006701', langCode: 'ja_JP',
      timeZone: 'Asia/Tokyo', photoURL: null, associatedDepartmentIds: [DEPARTMENT_ID],
      profile: { id: '1892000000006701', name: 'Agent', type: 'Agent', default: true },
      role: { id: '1892000000006689', name: 'Support Agent' },
    },
  ];

  const accountSeeds: { id: string; name: string; website: string | null; phone: string | null; email: string | null; industry: string; city: string | null; country: string | null }[] = [
    { id: D.accountWithContactsId, name: 'Umbrella Corporation', website: 'https://www.umbrella.example', phone: '+1 212 555 0166', email: 'info@umbrella.example', industry: 'Pharmaceuticals', city: 'Raccoon City', country: 'U.S.A' },
    { id: D.japaneseAccountId, name: '株式会社山田商事', website: 'https://www.yamada-shoji.example', phone: '+81 3-1234-5678', email: null, industry: '卸売業', city: '千代田区', country: 'Japan' },
    { id: D.noMatchAccountId, name: 'Vandelay Industries', website: null, phone: '+1 718 555 0123', email: null, industry: 'Import/Export', city: 'New York', country: 'U.S.A' },
    { id: '1892000000080007', name: 'Bowman Furniture', website: 'www.bowman.example', phone: '+1 415 555 0134', email: null, industry: 'Retail', city: 'San Francisco', country: 'U.S.A' },
    { id: '1892000000080009', name: 'Globex Corporation', website: 'https://www.globex.example', phone: '+1 503 555 0188', email: null, industry: 'Manufacturing', city: 'Cypress Creek', country: 'U.S.A' },
    { id: '1892000000080011', name: 'Northwind Traders', website: null, phone: '+1 206 555 0101', email: null, industry: 'Wholesale', city: 'Seattle', country: 'U.S.A' },
    { id: '1892000000080013', name: 'Initech', website: 'https://initech.example', phone: null, email: null, industry: 'Software', city: 'Manchester', country: 'United Kingdom' },
  ];
  const accounts: DeskAccountRecord[] = accountSeeds.map((a, index) => ({
    id: a.id,
    accountName: a.name,
    website: a.website,
    phone: a.phone,
    email: a.email,
    industry: a.industry,
    street: null,
    city: a.city,
    state: null,
    code: null,
    country: a.country,
    description: null,
    ownerId: D.adminAgentId,
    createdTime: created(600 - index * 20),
    modifiedTime: created(30 + index),
    webUrl: `${DESK_WEB}Accounts/dv/${a.id}`,
    customFields: {},
    cf: {},
  }));
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const bowmanAccount = '1892000000080007';
  const globexAccount = '1892000000080009';
  const northwindAccount = '1892000000080011';
  const initechAccount = '1892000000080013';

  const bowman = customerById(billing, B.bowmanCustomerId);
  const contactSeeds: ContactSeed[] = [
    {
      id: D.singleMatchContactId, firstName: 'Benjamin', lastName: 'George', email: B.bowmanEmail, phone: '+1 415 555 0134', accountId: bowmanAccount, title: 'Owner',
      address: bowman ? { street: bowman.billing_address.street, city: bowman.billing_address.city, state: bowman.billing_address.state, zip: bowman.billing_address.zip, country: bowman.billing_address.country } : null,
    },
    // Desk keeps emails as typed; Billing stores one of the three with capitals.
    { id: D.multiMatchContactId, firstName: 'Nancy', lastName: 'Davolio', email: 'ACCOUNTS@northwind.example', phone: '+1 206 555 0101', accountId: northwindAccount, title: 'Accounts manager' },
    { id: D.noMatchContactId, firstName: 'Peter', lastName: 'Novak', email: 'peter.novak@nomatch.example', phone: '+420 601 555 123', address: { street: 'Václavské nám. 1', city: 'Praha', state: '', zip: '110 00', country: 'Czech Republic' } },
    { id: D.secondaryEmailContactId, firstName: 'Martina', lastName: 'Keller', email: 'martina.keller@gmail.example', secondaryEmail: 'M.Keller@alpenglow.example', phone: '+49 89 5550 1234' },
    { id: D.japaneseContactId, firstName: '太郎', lastName: '山田', email: B.yamadaEmail, phone: '+81 3-1234-5678', accountId: D.japaneseAccountId, title: '部長', address: { street: '丸の内1-1-1', city: '千代田区', state: '東京都', zip: '100-0005', country: 'Japan' } },
    { id: '1892000000070027', firstName: 'さくら', lastName: '山本', email: 'sakura.yamamoto@yamada-shoji.example', accountId: D.japaneseAccountId, title: '総務' },
    { id: D.bigInvoicesContactId, firstName: 'Hank', lastName: 'Scorpio', email: B.globexEmail, phone: '+1 503 555 0188', accountId: globexAccount },
    { id: D.manySubscriptionsContactId, firstName: 'Bill', lastName: 'Lumbergh', email: B.initechEmail, accountId: initechAccount },
    { id: D.umbrellaAliceContactId, firstName: 'Alice', lastName: 'Wong', email: B.umbrellaRndEmail, accountId: D.accountWithContactsId, title: 'Head of R&D' },
    { id: D.umbrellaBobContactId, firstName: 'Bob', lastName: 'Irons', email: 'bob.irons@umbrella.example', accountId: D.accountWithContactsId },
    { id: D.umbrellaCarolContactId, firstName: 'Carol', lastName: 'Marini', email: 'carol.marini@umbrella.example', secondaryEmail: 'carol@personal.example', accountId: D.accountWithContactsId },
    { id: D.hostileContactId, firstName: '<img src=x onerror=alert(1)>', lastName: '\u202Etxt.exe', email: B.hostileEmail, phone: '<svg/onload=alert(1)>' },
    { id: D.satoContactId, firstName: '花子', lastName: '佐藤', email: B.satoEmail, phone: '+81 6-6345-7788' },
    { id: D.noEmailContactId, firstName: 'Sam', lastName: 'Phoneonly', email: null, phone: '+1 555 0100' },
    { id: '1892000000070029', firstName: 'Lena', lastName: 'Ortiz', email: B.noAddressEmail },
    { id: '1892000000070031', firstName: 'Greta', lastName: 'Hansen', email: B.inactiveEmail },
  ];
  // A handful of filler contacts with Billing customers, so the simulator has more than the anchors.
  const fillers = billing.customers.filter((c) => c.customer_id.localeCompare(FIRST_FILLER_ID) >= 0).slice(0, 12);
  fillers.forEach((customer, index) => {
    contactSeeds.push({
      id: `18920000000${String(71001 + index * 2)}`,
      firstName: customer.first_name,
      lastName: customer.last_name,
      email: customer.email,
      phone: customer.phone || null,
    });
  });

  // After the fillers, so every earlier contact keeps its dates.
  contactSeeds.push(
    { id: D.kestrelContactId, firstName: 'Oliver', lastName: 'Grant', email: B.kestrelEmail, phone: '+1 617 555 0119' },
    { id: D.hoshinoContactId, firstName: '結衣', lastName: '星野', email: B.hoshinoEmail, phone: '+81 3-5555-0123' },
    { id: D.meadowbrookContactId, firstName: 'Fiona', lastName: 'Shaw', email: B.meadowbrookEmail },
    { id: D.tanakaContactId, firstName: '恵子', lastName: '田中', email: B.tanakaEmail, phone: '+81 52-555-0147' },
  );

  const contacts: DeskContactRecord[] = contactSeeds.map((seed, index) => {
    const account = seed.accountId ? accountById.get(seed.accountId) : undefined;
    return {
      id: seed.id,
      firstName: seed.firstName,
      lastName: seed.lastName,
      email: seed.email,
      secondaryEmail: seed.secondaryEmail ?? null,
      phone: seed.phone ?? null,
      mobile: null,
      accountId: account?.id ?? null,
      account: account ? { id: account.id, accountName: account.accountName, website: account.website } : null,
      title: seed.title ?? null,
      type: null,
      street: seed.address?.street ?? null,
      city: seed.address?.city ?? null,
      state: seed.address?.state ?? null,
      zip: seed.address?.zip ?? null,
      country: seed.address?.country ?? null,
      description: null,
      ownerId: D.adminAgentId,
      createdTime: created(500 - index * 7),
      modifiedTime: created(10 + index),
      webUrl: `${DESK_WEB}Contacts/dv/${seed.id}`,
      isAnonymous: false,
      customFields: {},
      cf: {},
    };
  });
  const contactById = new Map(contacts.map((c) => [c.id, c]));

  const ticketSeeds: TicketSeed[] = [
    { id: D.singleMatchTicketId, number: T.bowman, subject: 'Invoice shows the wrong amount for the setup visit', description: 'Hi, we were charged for an on-site setup visit that was cancelled. Can you check?', contactId: D.singleMatchContactId, priority: 'High', daysAgo: 2 },
    { id: D.multiMatchTicketId, number: T.northwind, subject: "Need copies of last quarter's invoices", description: 'Please send all invoices for Q3 for all three entities.', contactId: D.multiMatchContactId, channel: 'Email', daysAgo: 3 },
    { id: D.noMatchTicketId, number: T.noMatch, subject: 'Question about pricing before we sign up', description: 'Do you offer discounts for non-profits?', contactId: D.noMatchContactId, channel: 'Web', daysAgo: 1 },
    { id: D.secondaryEmailTicketId, number: T.secondaryEmail, subject: 'Pause our Helpdesk plan over the winter?', description: 'Writing from my personal address, our company mail is down.', contactId: D.secondaryEmailContactId, daysAgo: 4 },
    { id: D.japaneseTicketId, number: T.yamada, subject: '請求書の金額について', description: '先月の請求書の金額が見積もりと異なっています。ご確認をお願いします。', contactId: D.japaneseContactId, language: 'Japanese', daysAgo: 1 },
    { id: D.bigInvoicesTicketId, number: T.globex, subject: 'Export of all invoices since 2022', description: 'Our auditors need every invoice; there are thousands.', contactId: D.bigInvoicesContactId, daysAgo: 5 },
    { id: D.secondSingleMatchTicketId, number: T.bowmanSecond, subject: 'Book a training session for new staff', description: 'Two new people joined; can we get the 2 h training?', contactId: D.singleMatchContactId, status: 'On Hold', daysAgo: 3 },
    { id: D.manySubscriptionsTicketId, number: T.initech, subject: 'Which of our subscriptions renew next month?', description: 'We have lost track of our subscriptions. Please list the ones renewing.', contactId: D.manySubscriptionsContactId, daysAgo: 6 },
    { id: D.accountTicketId, number: T.umbrella, subject: 'Upgrade the R&D team to Business', description: 'We want to move R&D to the Business plan.', contactId: D.umbrellaAliceContactId, priority: 'Medium', daysAgo: 2 },
    { id: D.hostileTicketId, number: T.hostile, subject: '<script>alert("ticket")</script> Refund \u202Egnp.exe', description: '<img src=x onerror=alert(1)>', contactId: D.hostileContactId, daysAgo: 0 },
    { id: D.noEmailTicketId, number: T.noEmail, subject: 'Called about a double charge', description: 'Phone call, no email on file.', contactId: D.noEmailContactId, channel: 'Phone', daysAgo: 0 },
    { id: D.satoTicketId, number: T.sato, subject: 'サブスクリプションの解約について', description: '来月末で解約したいのですが、手続きを教えてください。', contactId: D.satoContactId, language: 'Japanese', daysAgo: 2 },
  ];
  contacts
    .filter((c) => c.id.startsWith('18920000000710'))
    .slice(0, 6)
    .forEach((contact, index) => {
      ticketSeeds.push({
        id: `18920000000${String(93101 + index * 2)}`,
        number: String(104300 + index),
        subject: ['Card declined on renewal', 'Change billing address', 'Add two more seats', 'Receipt for last payment', 'Cancel at end of term', 'VAT number on invoices'][index] ?? 'Billing question',
        description: 'Please help.',
        contactId: contact.id,
        daysAgo: 7 + index,
      });
    });

  ticketSeeds.push(
    { id: D.kestrelTicketId, number: T.kestrel, subject: 'Our card was declined but the card is fine', description: 'We got an email that the renewal payment failed. Please advise.', contactId: D.kestrelContactId, priority: 'High', daysAgo: 1 },
    { id: D.hoshinoTicketId, number: T.hoshino, subject: 'トライアル終了後の請求について', description: 'トライアル期間が終わると自動で課金されますか？', contactId: D.hoshinoContactId, language: 'Japanese', daysAgo: 0 },
    { id: D.meadowbrookTicketId, number: T.meadowbrook, subject: 'Changed our mind about cancelling', description: 'We cancelled last month but would like to keep the plan.', contactId: D.meadowbrookContactId, daysAgo: 1 },
    { id: D.tanakaTicketId, number: T.tanaka, subject: 'クレジットカードの変更', description: '来月からカードが変わります。', contactId: D.tanakaContactId, language: 'Japanese', daysAgo: 2 },
  );

  const tickets: DeskTicketRecord[] = ticketSeeds.map((seed, index) => {
    const contact = contactById.get(seed.contactId);
    const assignee = agents[index % agents.length]!;
    const createdTime = created(seed.daysAgo, 30_000 + index * 977);
    return {
      id: seed.id,
      number: seed.number,
      subject: seed.subject,
      description: seed.description,
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      contactId: seed.contactId,
      contactName: contact ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') : '',
      accountId: contact?.accountId ?? null,
      accountName: contact?.account?.accountName ?? '',
      departmentId: DEPARTMENT_ID,
      status: seed.status ?? 'Open',
      statusType: seed.status === 'Closed' ? 'Closed' : seed.status === 'On Hold' ? 'On Hold' : 'Open',
      priority: seed.priority ?? 'Medium',
      channel: seed.channel ?? 'Email',
      classification: 'Question',
      category: 'Billing',
      threadCount: String(1 + (index % 4)),
      commentCount: String(index % 3),
      isSpam: false,
      dueDate: isoDaysAgo(today, seed.daysAgo - 2, 61_200),
      createdTime,
      modifiedTime: createdTime,
      assigneeId: assignee.id,
      assignee: { id: assignee.id, name: assignee.name },
      webUrl: `${DESK_WEB}Cases/dv/${seed.id}`,
      language: seed.language ?? 'English',
      cf: {},
    };
  });

  const profiles: DeskProfileRecord[] = [
    { id: '1892000000006697', name: 'Administrator', description: 'Full access to every module and setting.', type: 'Administrator', default: true, isVisible: true },
    { id: '1892000000006701', name: 'Agent', description: 'Handles tickets of their departments.', type: 'Standard', default: true, isVisible: true },
    { id: '1892000000006705', name: 'Support Manager', description: 'Agents plus reports and escalations.', type: 'Custom', default: false, isVisible: true },
    { id: '1892000000006709', name: 'Light Agent', description: 'Views tickets and adds private comments.', type: 'Light', default: true, isVisible: true },
  ];

  return {
    portalId: PORTAL_ID,
    departmentId: DEPARTMENT_ID,
    tickets,
    contacts,
    accounts,
    agents,
    profiles,
    comments: [],
    commentsFail: false,
    currentAgentId: D.adminAgentId,
  };
}
