/**
 * Desk REST error bodies `{errorCode, message}` read as the HTTP status they stand for. When the SDK
 * rejects with such a body and no status (desk-sdk.md §11), the body is all there is; mapping it to
 * its status lets one rule (deskHost's deskApi) decide what a failed Desk call means, whichever way
 * the SDK delivered it. Desk's code list is long and not covered here in full, so codes are matched
 * by their words: a new "…_NOT_FOUND" still means 404.
 */
import { isRecord } from './guards';

const BY_WORDS: readonly [RegExp, number][] = [
  [/NOT_FOUND|NO_SUCH|DOES_NOT_EXIST|DELETED/, 404],
  [/OAUTH|UNAUTHORI[SZ]ED|SCOPE|TOKEN|AUTHENTICAT/, 401],
  [/FORBIDDEN|PERMISSION|LICENSE|NOT_ALLOWED|ACCESS|PRIVILEGE/, 403],
  [/TOO_MANY|THRESHOLD|RATE_LIMIT|LIMIT_EXCEEDED|QUOTA/, 429],
  [/INTERNAL|SERVER|UNAVAILABLE|TIMEOUT|TIMED_OUT/, 500],
  [/INVALID|UNPROCESSABLE|PATTERN|MANDATORY|REQUIRED|DUPLICATE|UNSUPPORTED|SIZE_EXCEEDED|MISSING/, 422],
];

/** The HTTP status a Desk `errorCode` stands for; 400 for a code whose words say nothing more. */
export function statusForDeskErrorCode(errorCode: string): number {
  const code = errorCode.trim().toUpperCase().replace(/[\s-]+/g, '_');
  for (const [words, status] of BY_WORDS) if (words.test(code)) return status;
  return 400;
}

/** The status a Desk error body stands for, or undefined when the body is not Desk's. */
export function statusForDeskErrorBody(body: unknown): number | undefined {
  if (!isRecord(body) || typeof body.errorCode !== 'string' || body.errorCode.trim() === '') return undefined;
  return statusForDeskErrorCode(body.errorCode);
}
