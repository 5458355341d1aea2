export function validOrigins(list: unknown): string[];
export function cspDirectives(manifest: unknown): [string, string[]][];
export function contentSecurityPolicy(manifest: unknown): string;
export const CSP_PLACEHOLDER: string;
export function applyCsp(html: string, manifest: unknown): string;
