// Types for scripts/connection.mjs (imported by tests).
export declare const projectRoot: string;
export declare const SERVICE_NAME: string;
export declare const REQUIRED_SCOPES: readonly string[];
export declare const OPTIONAL_SCOPES: readonly string[];
export interface ZohoAuthorisation {
  type: 'connectors';
  connectionLinkName: string;
  connectionName: string;
  serviceName: string;
  userAccess: boolean;
  isUserDefinedService: boolean;
  sharedBy: string;
  scope: string[];
}
export declare class ConnectionError extends Error {
  problems: string[];
}
export declare function findConnection(json: unknown): Record<string, unknown> | null;
export declare function connectionFromJson(text: string): { zohoAuthorisation: ZohoAuthorisation; warnings: string[] };
export declare function writeIntoManifest(manifestText: string, auth: ZohoAuthorisation): string;
export declare function runConnection(file: string | undefined, options?: { root?: string; log?: (line: string) => void }): ZohoAuthorisation;
