/** How the fake ZOHODESK refuses, as the real SDK does: a rejected promise carrying `{errMsg}` (desk-sdk.md §1). */
export const INVALID_PAYLOAD = { errMsg: 'Invalid Payload' };

export function reject(value: unknown): Promise<never> {
  return Promise.reject(value);
}
