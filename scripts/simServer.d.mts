// Types for scripts/simServer.mjs (imported by tests and the bench).
import type { IncomingMessage, ServerResponse } from 'node:http';

export declare const OFFICIAL_SDK_URL: string;
export declare const SHIM_PATH: string;
export declare const SHIM_SOURCE: string;
export declare function contentTypeFor(path: string): string;
export declare function rewriteSdkTag(html: string): string;
export declare function listen(server: import('node:net').Server, port: number, host: string): Promise<number>;
export declare function resolveInside(root: string, urlPath: string): string | null;
export declare function createSimulatorHandler(options?: {
  appDir?: string;
  simDir?: string;
  cwd?: string;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
export interface SimulatorServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export declare function startSimulatorServer(options?: {
  port?: number;
  host?: string;
  appDir?: string;
  simDir?: string;
  cwd?: string;
}): Promise<SimulatorServer>;
