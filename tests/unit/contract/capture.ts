/**
 * Every Billing request the client sends and every answer the sandbox gives, captured where they cross the wire:
 * the real client over the real Desk host adapter over the fake ZOHODESK, answered by the sandbox's msw handlers.
 * The client is wrapped so the tests also know which of its calls a scenario made.
 */
import { createBillingClient } from '../../../src/billing/billingClient';
import type { BillingApi } from '../../../src/billing/types';
import { createSandboxHost, type SandboxHost } from '../../../src/sandbox/desk/sandboxHost';
import type { Exchange } from './contract';

export interface Captured {
  stack: SandboxHost;
  /** The client connected to `organizationId`. */
  api: BillingApi;
  /** A client for another organization of the same sandbox (the Japanese one, in yen). */
  clientFor(organizationId: string | null): BillingApi;
  exchanges: Exchange[];
  /** Names of the client's calls made so far. */
  used: Set<string>;
  /** Set by the scenario runner: whose exchanges these are. */
  scenario: string;
}

async function jsonOrUndefined(text: string): Promise<unknown> {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function captureBilling(organizationId: string): Promise<Captured> {
  const stack = await createSandboxHost({ location: 'ticket' });
  const { sandbox } = stack;
  const captured: Captured = {
    stack,
    api: undefined as unknown as BillingApi,
    clientFor: () => undefined as unknown as BillingApi,
    exchanges: [],
    used: new Set(),
    scenario: '',
  };
  const handle = sandbox.handle.bind(sandbox);
  sandbox.handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (!url.hostname.startsWith('www.zohoapis.')) return handle(request);
    const sentText = request.method === 'GET' ? '' : await request.clone().text();
    const response = await handle(request);
    const contentType = response.headers.get('Content-Type') ?? '';
    const answer = contentType.includes('json') ? await jsonOrUndefined(await response.clone().text()) : undefined;
    captured.exchanges.push({
      method: request.method,
      url: request.url,
      body: await jsonOrUndefined(sentText),
      status: response.status,
      contentType,
      answer,
      scenario: captured.scenario,
    });
    return response;
  };
  const clientFor = (orgId: string | null): BillingApi => {
    const client = createBillingClient({ request: stack.host.request, dataCenter: 'US', organizationId: orgId });
    return new Proxy(client, {
      get(target, name, receiver) {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value !== 'function' || typeof name !== 'string') return value;
        return (...args: unknown[]) => {
          captured.used.add(name);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  };
  captured.clientFor = clientFor;
  captured.api = clientFor(organizationId);
  return captured;
}
