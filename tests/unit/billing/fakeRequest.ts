/**
 * A fake DeskHost.request: routes "METHOD /path" (path below /billing/v1, without the query) to canned
 * answers and records every request the client made.
 */
import type { DeskHost, HostError, HostRequest, HostResponse, HostResult } from '../../../src/host/types';

export type Answer = HostResult<HostResponse> | (() => HostResult<HostResponse> | Promise<HostResult<HostResponse>>);

export function ok(body: unknown, status = 200, headers: Record<string, string> = {}): HostResult<HostResponse> {
  return { ok: true, value: { status, body, headers } };
}

export function hostFailure(error: HostError): HostResult<HostResponse> {
  return { ok: false, error };
}

export interface RecordedRequest extends HostRequest {
  parsed: URL;
  /** Path below /billing/v1 as sent (still percent-encoded). */
  path: string;
}

export interface FakeRequest {
  request: DeskHost['request'];
  calls: RecordedRequest[];
  /** Answer for "METHOD /path"; the latest registration wins. */
  on(route: string, answer: Answer): FakeRequest;
}

export function fakeRequest(fallback: Answer = ok({ code: 404, message: 'no route in fake' }, 404)): FakeRequest {
  const routes = new Map<string, Answer>();
  const calls: RecordedRequest[] = [];
  const fake: FakeRequest = {
    calls,
    on(route, answer) {
      routes.set(route, answer);
      return fake;
    },
    async request(req) {
      const parsed = new URL(req.url);
      const rawPath = req.url.replace(/^https:\/\/[^/]+/, '').split('?')[0] ?? '';
      const path = rawPath.replace(/^\/billing\/v1/, '');
      calls.push({ ...req, parsed, path });
      const answer = routes.get(`${req.method} ${path}`) ?? fallback;
      return typeof answer === 'function' ? answer() : answer;
    },
  };
  return fake;
}
