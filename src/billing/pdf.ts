/**
 * Decoding GET /invoices/{id}?accept=pdf. Desk's proxy hands the PDF back in whichever shape it likes
 * (a Blob, an ArrayBuffer or typed array, a binary string), and an error may arrive as JSON, HTML or text
 * with a 2xx status; each becomes a PDF Blob or a BillingError, never a "PDF" that is really an error page.
 */
import { isRecord } from '../host/guards';
import type { HostResponse } from '../host/types';
import { BillingError, describe, envelopeOf, errorForCode, errorForStatus, jsonOf, looksLikeHtml } from './errors';

function isBlobLike(v: unknown): v is Blob {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Blob).size === 'number' &&
    typeof (v as Blob).type === 'string' &&
    typeof (v as Blob).arrayBuffer === 'function'
  );
}

const PDF_TYPE = 'application/pdf';

/** A binary string (every char ≤ 0xFF) keeps its bytes; any other text is encoded as UTF-8. */
function bytesOfString(s: string): Uint8Array {
  let binary = true;
  for (let i = 0; i < s.length; i += 1) {
    if (s.charCodeAt(i) > 0xff) {
      binary = false;
      break;
    }
  }
  if (!binary) return new TextEncoder().encode(s);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i += 1) bytes[i] = s.charCodeAt(i);
  return bytes;
}

function getPdfError(status: number, text: string): BillingError {
  const parsed = jsonOf(text);
  const env = envelopeOf(parsed);
  if (env && env.code !== null && env.code !== 0) return errorForCode(status, env);
  return new BillingError('malformed', `Billing answered with ${describe(parsed)} instead of a PDF`, { status });
}

async function readText(blob: Blob): Promise<string | null> {
  try {
    return typeof blob.text === 'function' ? await blob.text() : null;
  } catch {
    return null;
  }
}

/** The PDF in an answer (`now` dates a Retry-After), or the BillingError it really is. */
export async function pdfOf(res: HostResponse, now: number): Promise<Blob> {
  const body = res.body;
  const ok = res.status >= 200 && res.status <= 299;
  if (!ok) {
    const text = isBlobLike(body) ? await readText(body) : typeof body === 'string' ? body : null;
    throw errorForStatus(res, envelopeOf(text === null ? body : jsonOf(text)), now);
  }
  if (isBlobLike(body)) {
    if (body.size === 0) throw new BillingError('malformed', 'Billing sent an empty PDF', { status: res.status });
    if (/json|html|text\//i.test(body.type)) {
      const text = await readText(body);
      throw getPdfError(res.status, text ?? '');
    }
    return body.type === PDF_TYPE ? body : new Blob([body], { type: PDF_TYPE });
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    if (body.byteLength === 0) throw new BillingError('malformed', 'Billing sent an empty PDF', { status: res.status });
    const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    return new Blob([bytes.slice()], { type: PDF_TYPE });
  }
  if (typeof body === 'string') {
    const parsed = jsonOf(body);
    if (body.trim() === '' || looksLikeHtml(body) || isRecord(parsed) || Array.isArray(parsed)) {
      throw getPdfError(res.status, body);
    }
    return new Blob([bytesOfString(body).slice()], { type: PDF_TYPE });
  }
  if (isRecord(body)) throw getPdfError(res.status, JSON.stringify(body));
  throw new BillingError('malformed', `Billing answered with ${describe(body)} instead of a PDF`, { status: res.status });
}
