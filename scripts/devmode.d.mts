// Types for scripts/devmode.mjs (imported by tests/unit/build).
export declare function ensureCertificate(certDir?: string): {
  key: Buffer;
  cert: Buffer;
  keyPath: string;
  certPath: string;
};
export declare function startDevModeServer(options?: {
  port?: number;
  host?: string;
  root?: string;
  certDir?: string;
  log?: (line: string) => void;
}): Promise<{ url: string; port: number; close(): Promise<void> }>;
