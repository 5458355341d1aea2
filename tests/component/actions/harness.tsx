/**
 * The real adapter over the fake ZOHODESK and the Billing sandbox, plus the real Billing client:
 * what the panel gives the action components in production, minus Desk itself.
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createBillingClient } from '../../../src/billing/billingClient';
import { createI18n } from '../../../src/i18n/i18n';
import { createSandboxHost, type SandboxHostOptions } from '../../../src/sandbox/desk/sandboxHost';
import { I18nProvider } from '../../../src/ui/i18nContext';

export const CUSTOMER_ID = '2468013000000051001'; // Bowman Furniture, USD, contact of ticket 104233
export const JAPANESE_CUSTOMER_ID = '2468013000000051002'; // 株式会社山田商事, JPY

export interface Confirmation {
  title: string;
  content: string;
  okText: string;
}

export async function setupActions(options: SandboxHostOptions & { answer?: boolean } = {}) {
  const confirmations: Confirmation[] = [];
  const state = { answer: options.answer ?? true };
  const world = await createSandboxHost({
    location: 'ticket',
    ...options,
    confirmAnswer: async (o) => {
      const r = o as Record<string, unknown>;
      confirmations.push({ title: String(r.title), content: String(r.content), okText: String(r.okText) });
      return state.answer;
    },
  });
  const org = world.sandbox.dataset.organizations[0]!;
  const api = createBillingClient({
    request: world.host.request,
    dataCenter: 'US',
    organizationId: org.organization_id,
  });
  const i18n = createI18n(options.locale ?? 'en', 'UTC');
  const renderUi = (ui: ReactElement) => render(<I18nProvider i18n={i18n}>{ui}</I18nProvider>);
  const posts = (path: string) =>
    world.sandbox.calls.filter((c) => c.method === 'POST' && c.path.endsWith(path)).length;
  const notifications = () => world.sim.log.notifications as Array<{ content: string; icon: string }>;

  /** Lets the next matching request through to Billing and then replaces (or withholds) its answer. */
  function intercept(
    match: (request: Request) => boolean,
    answer: (landed: Response, request: Request) => Promise<Response>,
    times = 1,
  ) {
    const original = world.sim.transport;
    let left = times;
    world.sim.transport = async (request) => {
      if (left > 0 && match(request)) {
        left -= 1;
        return answer(await original(request.clone()), request);
      }
      return original(request);
    };
  }

  /** Refuses the next matching request without letting it reach Billing. */
  function refuse(match: (request: Request) => boolean, response: () => Response, times = 1) {
    const original = world.sim.transport;
    let left = times;
    world.sim.transport = async (request) => {
      if (left > 0 && match(request)) {
        left -= 1;
        return response();
      }
      return original(request);
    };
  }

  return { ...world, org, api, i18n, renderUi, confirmations, state, posts, notifications, intercept, refuse };
}

export const isPost = (path: string) => (request: Request) =>
  request.method === 'POST' && new URL(request.url).pathname.endsWith(path);
export const isGet = (path: string) => (request: Request) =>
  request.method === 'GET' && new URL(request.url).pathname.endsWith(path);

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
