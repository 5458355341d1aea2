/**
 * What a `responseType: 'blob'` answer looked like when it arrived. The SDK documents the option, but
 * no public Desk code uses it (desk-sdk.md §11): every shape is tolerated downstream, and the shape
 * that came is recorded so the diagnostics can tell an admin — and us — which one a live portal sends.
 * Only the wrapper, JS type, MIME type and size are kept, never content.
 */
import { isRecord } from './guards';
import { decodeJsonish } from './parse';
import type { HostResponse, HostResult } from './types';
import type { BinaryShape } from './observations';

/** By its tag, not instanceof: a Blob made in another frame's realm (the simulator's shell) is still a Blob. */
function isBlob(value: unknown): value is Blob {
  return Object.prototype.toString.call(value) === '[object Blob]' || Object.prototype.toString.call(value) === '[object File]';
}

function isBuffer(value: unknown): value is ArrayBuffer | ArrayBufferView {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]' || ArrayBuffer.isView(value);
}

function jsType(value: unknown): string {
  if (isBlob(value)) return `Blob(${value.type || 'no type'})`;
  if (isBuffer(value)) return ArrayBuffer.isView(value) ? value.constructor.name : 'ArrayBuffer';
  if (typeof value === 'string') {
    if (value.startsWith('%PDF')) return 'binary string (%PDF)';
    const decoded = decodeJsonish(value, { left: 1 });
    return decoded === value ? 'text' : `JSON string of ${Array.isArray(decoded) ? 'array' : typeof decoded}`;
  }
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function sizeOf(value: unknown): number | null {
  if (isBlob(value)) return value.size;
  if (isBuffer(value)) return value.byteLength;
  if (typeof value === 'string') return value.length;
  return null;
}

/** The raw answer's wrapper (`data` under an object, …) and type, and whether what it held is binary. */
export function describeBinaryAnswer(raw: unknown, parsed: HostResult<HostResponse>): Omit<BinaryShape, 'at'> {
  let shape = jsType(raw);
  if (isRecord(raw) && !isBlob(raw) && !isBuffer(raw)) {
    const keys = Object.keys(raw).sort().join(', ');
    const data = raw.data;
    shape = data !== undefined ? `object {${keys}}, data: ${jsType(data)}` : `object {${keys}}`;
  }
  const body = parsed.ok ? parsed.value.body : undefined;
  const mimeType = isBlob(body) ? body.type || null : parsed.ok ? (parsed.value.headers['content-type'] ?? null) : null;
  const binary =
    (isBlob(body) && !/json|html|text\//i.test(body.type)) ||
    isBuffer(body) ||
    (typeof body === 'string' && body.startsWith('%PDF'));
  return {
    shape,
    mimeType,
    bytes: sizeOf(body),
    usable: parsed.ok && parsed.value.status >= 200 && parsed.value.status < 300 && binary && (sizeOf(body) ?? 0) > 0,
  };
}
