/**
 * The Billing sandbox: dataset + faults + call log + msw handlers (Billing on all 8 data centers and
 * the Desk API), answered in-process through msw's getResponse so no service worker or server is
 * needed. Everything mutable lives on the returned object so the simulator and tests can poke it.
 */
import { getResponse, type RequestHandler } from 'msw';
import { generateBillingDataset, type BillingDataset } from './dataset';
import { createBillingHandlers, defaultFaults, type BillingFaults, type RecordedCall } from './handlers';
import { createDeskApiHandlers } from '../desk/deskApiHandlers';
import { generateDeskData } from '../desk/deskData';
import type { DeskData } from '../desk/deskRecords';

export type { BillingFaults, RecordedCall } from './handlers';
export type { BillingDataset } from './dataset';

export interface BillingSandboxOptions {
  seed?: number;
  /** "Today" of the generated world (YYYY-MM-DD); default 2026-11-27. */
  today?: string;
  /** Generated customers beside the anchors (dataset.ts); the simulator's default when absent. */
  fillerCustomers?: number;
}

export interface BillingSandbox {
  /** Mutable: writes (create customer/invoice/quote, update customer) change it. Replaced by reset(). */
  dataset: BillingDataset;
  /** The Desk side of the same world (tickets, contacts, accounts, agents). Replaced by reset(). */
  desk: DeskData;
  /** Mutable, read on every request. reset() restores defaults in place. */
  faults: BillingFaults;
  /** Every Billing request answered (Desk API calls are not recorded). Cleared in place by reset(). */
  calls: RecordedCall[];
  /** msw handlers for Billing hosts (all 8 DCs) AND the Desk API. */
  handlers: RequestHandler[];
  handle(request: Request): Promise<Response>;
  /** Fresh dataset + desk data + faults + calls; hanging 'timeout' calls are released. */
  reset(): void;
}

interface Waiter {
  timer: ReturnType<typeof setTimeout>;
  release: () => void;
}

export function createBillingSandbox(options: BillingSandboxOptions = {}): BillingSandbox {
  const waiters = new Set<Waiter>();

  const wait = (ms: number, signal: AbortSignal | null): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
        return;
      }
      const onAbort = () => {
        finish();
        reject(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
      };
      const finish = () => {
        clearTimeout(waiter.timer);
        waiters.delete(waiter);
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        timer: setTimeout(() => {
          finish();
          resolve();
        }, ms),
        release: () => {
          finish();
          resolve();
        },
      };
      waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });

  const generate = () => generateBillingDataset({ seed: options.seed, today: options.today, fillerCustomers: options.fillerCustomers });
  const dataset = generate();
  const sandbox: BillingSandbox = {
    dataset,
    desk: generateDeskData(dataset),
    faults: defaultFaults(),
    calls: [],
    handlers: [],
    async handle(request: Request): Promise<Response> {
      const response = await getResponse(sandbox.handlers, request);
      return (
        response ??
        new Response(JSON.stringify({ code: 5, message: 'Invalid URL Passed' }), {
          status: 404,
          headers: { 'Content-Type': 'application/json' },
        })
      );
    },
    reset() {
      for (const waiter of [...waiters]) waiter.release();
      sandbox.dataset = generate();
      sandbox.desk = generateDeskData(sandbox.dataset);
      Object.assign(sandbox.faults, defaultFaults());
      sandbox.calls.length = 0;
    },
  };
  sandbox.handlers = [
    ...createBillingHandlers({
      dataset: () => sandbox.dataset,
      faults: () => sandbox.faults,
      record: (call) => sandbox.calls.push(call),
      wait,
      now: () => Date.now(),
    }),
    ...createDeskApiHandlers(() => sandbox.desk),
  ];
  return sandbox;
}
