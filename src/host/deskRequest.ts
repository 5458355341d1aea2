/**
 * Requests through Desk's connection: our HostRequest as the SDK's request options, and its answer (or
 * rejection) parsed into one HostResult, with a time limit the SDK does not have.
 */
import { CONNECTION_LINK_NAME } from './connection';
import { describeBinaryAnswer } from './binaryShape';
import { isRecord } from './guards';
import { recordBinaryShape } from './observations';
import { fail, parseRequestAnswer, parseRequestRejection } from './parse';
import type { SdkRequestOptions, ZohoDeskGlobal } from './sdkTypes';
import { settle } from './settle';
import type { HostRequest, HostResponse, HostResult } from './types';
import { HOST } from './timeWindows';

/**
 * The SDK's request promise has no timeout of its own: a proxy that never answers would leave the
 * panel loading forever. HOST.requestTimeoutMs (45 s) is past Desk's own proxy limits, so a slow but live call still lands.
 */
const REQUEST_TIMEOUT_MS = HOST.requestTimeoutMs;

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

function toSdkRequest(req: HostRequest): SdkRequestOptions {
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query ?? {})) {
    if (v !== undefined) data[k] = String(v);
  }
  const body = req.body;
  const postBody = isRecord(body) || Array.isArray(body) ? body : {};
  const options: SdkRequestOptions = {
    url: req.url,
    type: req.method,
    headers: { ...(req.headers ?? {}) },
    postBody,
    connectionLinkName: CONNECTION_LINK_NAME,
  };
  if (Object.keys(data).length > 0) options.data = data;
  // responseType makes the SDK drop postBody, so it is only ever sent on reads (desk-sdk.md §3.1).
  if (req.responseType && (req.method === 'GET' || req.method === 'DELETE')) options.responseType = req.responseType;
  return options;
}

export function createDeskRequest(zd: Pick<ZohoDeskGlobal, 'request'>): (req: HostRequest) => Promise<HostResult<HostResponse>> {
  return async (req: HostRequest): Promise<HostResult<HostResponse>> => {
    const answered = settle(() => zd.request(toSdkRequest(req))).then((answer) => {
      const parsed = answer.ok ? parseRequestAnswer(answer.value) : parseRequestRejection(answer.error);
      // The blob answer has never been seen in public code: its shape is kept for the diagnostics.
      if (req.responseType === 'blob') recordBinaryShape(describeBinaryAnswer(answer.ok ? answer.value : answer.error, parsed));
      return parsed;
    });
    return withTimeout(answered, REQUEST_TIMEOUT_MS, () =>
      fail('network', `Zoho Desk's connection did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds.`),
    );
  };
}
