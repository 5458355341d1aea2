/**
 * msw handlers for the few Desk REST calls the extension makes through its connection
 * (contact, account, account contacts, agent profile, myinfo, profiles, ticket comments), answering from the sandbox's DeskData
 * in the Desk API's shapes: bare objects for single records, `{data: [...]}` for lists, and
 * `{errorCode, message}` errors.
 */
import { http, HttpResponse, type RequestHandler } from 'msw';
import { isRecord } from '../../host/guards';
import type { DeskAccountRecord, DeskAgentRecord, DeskCommentRecord, DeskContactRecord, DeskData } from './deskRecords';

/** Desk API hosts per data center (Canada runs on zohocloud.ca). */
export const DESK_API_BASE_URLS = [
  'https://desk.zoho.com/api/v1',
  'https://desk.zoho.eu/api/v1',
  'https://desk.zoho.in/api/v1',
  'https://desk.zoho.com.au/api/v1',
  'https://desk.zoho.jp/api/v1',
  'https://desk.zohocloud.ca/api/v1',
  'https://desk.zoho.ca/api/v1',
  'https://desk.zoho.sa/api/v1',
  'https://desk.zoho.com.cn/api/v1',
];

const notFound = () =>
  HttpResponse.json({ errorCode: 'URL_NOT_FOUND', message: 'The URL you requested could not be found.' }, { status: 404 });

const idNotValid = (name: string) =>
  HttpResponse.json({ errorCode: 'INVALID_DATA', message: `The ${name} is not valid.` }, { status: 422 });

function contactRow(contact: DeskContactRecord) {
  return {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    secondaryEmail: contact.secondaryEmail,
    phone: contact.phone,
    mobile: contact.mobile,
    accountId: contact.accountId,
    ownerId: contact.ownerId,
    createdTime: contact.createdTime,
    webUrl: contact.webUrl,
  };
}

function agentView(agent: DeskAgentRecord, include: string[]) {
  const { profile, role, ...base } = agent;
  return {
    ...base,
    ...(include.includes('profile') ? { profile } : {}),
    ...(include.includes('role') ? { role } : {}),
  };
}

/** Every Desk API call must name the portal in an `orgId` header; a call without it is a client bug. */
const missingOrgId = (request: Request): Response | undefined =>
  (request.headers.get('orgId') ?? '').trim() === ''
    ? HttpResponse.json({ errorCode: 'INVALID_DATA', message: 'The orgId header is mandatory for every Desk API request.' }, { status: 400 })
    : undefined;

export function createDeskApiHandlers(getDesk: () => DeskData): RequestHandler[] {
  const findAccount = (id: string): DeskAccountRecord | undefined => getDesk().accounts.find((a) => a.id === id);
  return DESK_API_BASE_URLS.flatMap((base) => [
    // Checked first for every Desk path; falls through (undefined) when the header is present.
    http.all(`${base}/*`, ({ request }) => missingOrgId(request)),
    http.get(`${base}/contacts/:id`, ({ params }) => {
      const id = String(params.id);
      if (!/^\d+$/.test(id)) return idNotValid('contactId');
      const contact = getDesk().contacts.find((c) => c.id === id);
      return contact ? HttpResponse.json(contact) : notFound();
    }),
    http.get(`${base}/contacts/:id/accounts`, ({ params }) => {
      const contact = getDesk().contacts.find((c) => c.id === String(params.id));
      if (!contact) return notFound();
      const account = contact.accountId ? findAccount(contact.accountId) : undefined;
      return HttpResponse.json({ data: account ? [account] : [] });
    }),
    http.get(`${base}/accounts/:id`, ({ params }) => {
      const id = String(params.id);
      if (!/^\d+$/.test(id)) return idNotValid('accountId');
      const account = findAccount(id);
      return account ? HttpResponse.json(account) : notFound();
    }),
    http.get(`${base}/accounts/:id/contacts`, ({ params, request }) => {
      const id = String(params.id);
      if (!findAccount(id)) return notFound();
      const url = new URL(request.url);
      const from = Math.max(0, Number.parseInt(url.searchParams.get('from') ?? '0', 10) || 0);
      const limit = Math.min(100, Math.max(1, Number.parseInt(url.searchParams.get('limit') ?? '50', 10) || 50));
      const rows = getDesk().contacts.filter((c) => c.accountId === id).slice(from, from + limit).map(contactRow);
      return HttpResponse.json({ data: rows });
    }),
    http.get(`${base}/agents/:id`, ({ params, request }) => {
      const agent = getDesk().agents.find((a) => a.id === String(params.id));
      if (!agent) return notFound();
      const include = (new URL(request.url).searchParams.get('include') ?? '').split(',').map((s) => s.trim());
      return HttpResponse.json(agentView(agent, include));
    }),
    http.get(`${base}/profiles`, () => HttpResponse.json({ data: getDesk().profiles })),
    http.post(`${base}/tickets/:id/comments`, async ({ params, request }) => {
      const desk = getDesk();
      const ticket = desk.tickets.find((t) => t.id === String(params.id));
      if (!ticket) return notFound();
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return idNotValid('payload');
      }
      // addCommentPayload: content required (≤ 32000), isPublic a boolean, contentType plainText | html.
      if (!isRecord(body) || typeof body.content !== 'string' || body.content.trim() === '' || body.content.length > 32_000) {
        return idNotValid('content');
      }
      if (body.isPublic !== undefined && typeof body.isPublic !== 'boolean') return idNotValid('isPublic');
      if (body.contentType !== undefined && body.contentType !== 'plainText' && body.contentType !== 'html') return idNotValid('contentType');
      if (desk.commentsFail) {
        return HttpResponse.json({ errorCode: 'INTERNAL_SERVER_ERROR', message: 'An internal server error occurred.' }, { status: 500 });
      }
      const comment: DeskCommentRecord = {
        id: String(1892000000900001 + desk.comments.length),
        ticketId: ticket.id,
        content: body.content,
        contentType: body.contentType === 'plainText' ? 'plainText' : 'html',
        // The default is not documented (billing-actions.md §3.1): unsaid counts as public, the unsafe side.
        isPublic: body.isPublic !== false,
        commenterId: desk.currentAgentId,
        commentedTime: new Date().toISOString(),
      };
      desk.comments.push(comment);
      const commenter = desk.agents.find((a) => a.id === desk.currentAgentId);
      return HttpResponse.json({
        ...comment,
        commenter: commenter ? { id: commenter.id, name: commenter.name, firstName: commenter.firstName, lastName: commenter.lastName, email: commenter.emailId, type: 'AGENT' } : null,
        modifiedTime: null,
        attachments: [],
      });
    }),
    http.get(`${base}/myinfo`, ({ request }) => {
      const desk = getDesk();
      const agent = desk.agents.find((a) => a.id === desk.currentAgentId) ?? desk.agents[0];
      if (!agent) return notFound();
      const include = (new URL(request.url).searchParams.get('include') ?? '').split(',').map((s) => s.trim());
      return HttpResponse.json(agentView(agent, include));
    }),
  ]);
}
