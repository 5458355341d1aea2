/**
 * The fake ZOHODESK's `request` (desk-sdk.md §3–§4): only whitelisted Billing and Desk hosts, the
 * connection's token, and every answer shape the real SDK gives — JSON-string envelopes nested up to
 * three times, `responseType: 'json'` objects, error_code 1000 + resumeUrl, rejected remote errors.
 * The call becomes a real `Request` for `sim.transport` (the msw sandbox).
 */
import { isRecord } from '../../host/guards';
import type { SdkRequestOptions } from '../../host/sdkTypes';
import { INVALID_PAYLOAD, reject } from './sdkAnswers';
import type { DeskSimulation } from './simulation';

const BILLING_HOST = /^www\.zohoapis\.(com|eu|in|com\.au|jp|ca|sa|com\.cn)$/;
const DESK_HOST = /^desk\.(zoho\.(com|eu|in|com\.au|jp|sa|com\.cn)|zohocloud\.ca)$/;
export const SIM_RESUME_URL = 'https://accounts.zoho.com/oauth/v2/connection/authorize?connection=zohobillingfordesk';

export function createFakeRequest(sim: DeskSimulation): (options: SdkRequestOptions) => Promise<unknown> {
  const request = async (options: SdkRequestOptions): Promise<unknown> => {
    sim.log.requests.push(structuredClone(options));
    if (sim.faults.hostReject) return reject({ errMsg: 'Unable to reach the server. Please try again later.' });
    if (!isRecord(options) || typeof options.url !== 'string' || typeof options.type !== 'string' || !isRecord(options.headers)) {
      return reject(INVALID_PAYLOAD);
    }
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      return reject(INVALID_PAYLOAD);
    }
    if (!BILLING_HOST.test(url.hostname) && !DESK_HOST.test(url.hostname)) {
      return reject({ errMsg: `${url.origin} is not in whiteListedDomains` });
    }
    const method = options.type.toUpperCase();
    if (method !== 'GET' && method !== 'DELETE' && (options.postBody === undefined || typeof options.postBody !== 'object')) {
      return reject(INVALID_PAYLOAD);
    }
    const withConnection = typeof options.connectionLinkName === 'string' && options.connectionLinkName !== '';
    const jsonStyle = sim.faults.answerStyle === 'json' || options.responseType === 'json';

    if (sim.faults.notAuthorised && withConnection && BILLING_HOST.test(url.hostname)) {
      const data = { error_code: '1000', resumeUrl: SIM_RESUME_URL, statusMessage: 'Connection not authorised' };
      return jsonStyle
        ? { data }
        : JSON.stringify({ statusCode: 200, response: JSON.stringify({ data }) });
    }

    for (const [k, v] of Object.entries(options.data ?? {})) url.searchParams.set(k, String(v));
    const headers = new Headers();
    for (const [k, v] of Object.entries(options.headers)) headers.set(k, String(v));
    if (withConnection) headers.set('Authorization', 'Zoho-oauthtoken sim-connection-token');
    const hasBody = method !== 'GET' && method !== 'DELETE' && options.responseType === undefined;
    if (hasBody) headers.set('Content-Type', 'application/json');
    const httpRequest = new Request(url, {
      method,
      headers,
      ...(hasBody ? { body: JSON.stringify(options.postBody) } : {}),
    });

    let response: Response;
    try {
      response = await sim.transport(httpRequest);
    } catch (cause) {
      return reject({ errMsg: cause instanceof Error ? cause.message : 'Network error' });
    }

    if (options.responseType === 'blob' && response.ok) return response.blob();

    const text = await response.text();
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      responseHeaders[k] = v;
    });
    let body: unknown = text;
    try {
      body = text === '' ? '' : (JSON.parse(text) as unknown);
    } catch {
      body = text;
    }
    const statusCode = response.status;

    if (sim.faults.remoteErrorsReject && statusCode >= 400) {
      // The official sample's shape: a JSON string whose statusMessage is the remote body as a JSON string.
      const statusMessage = typeof body === 'string' ? body : JSON.stringify(body);
      return reject(JSON.stringify(sim.faults.rejectWithoutStatus ? { statusMessage } : { statusCode, statusMessage }));
    }

    if (jsonStyle) {
      return { status: statusCode, headers: responseHeaders, data: withConnection ? { status: 'true', statusMessage: body } : { statusMessage: body } };
    }
    if (!withConnection) {
      return JSON.stringify({ statusCode, headers: responseHeaders, response: text });
    }
    // Arrays came back still encoded (a third parse) on a real portal; objects arrive parsed (§3.2).
    const statusMessage = Array.isArray(body) ? JSON.stringify(body) : body;
    return JSON.stringify({
      statusCode,
      headers: responseHeaders,
      response: JSON.stringify({ status: 'true', statusMessage }),
    });
  };
  return request;
}
