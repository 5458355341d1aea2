/**
 * The slice of the global `ZOHODESK` object (ZohoDeskClientSDK.min.js) that the adapter uses.
 * Every answer is `unknown` on purpose: the SDK's shapes vary (desk-sdk.md §2, §3, §5, §6), so only
 * src/host/parse.ts decides what an answer means.
 */

export interface SdkRequestOptions {
  url: string;
  type: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  headers: Record<string, string>;
  /** Always an object; `{}` for GET (the SDK requires it). */
  postBody: Record<string, unknown> | unknown[];
  /** Appended as query parameters. */
  data?: Record<string, string>;
  connectionLinkName?: string;
  /** Never set on POST/PUT: the SDK then ignores postBody (§3.1). */
  responseType?: 'arraybuffer' | 'blob' | 'document' | 'json' | 'text' | '';
}

export interface SdkPopupOptions {
  title: string;
  content: string;
  type: 'alert' | 'confirmation';
  contentType: 'html' | 'text';
  color?: 'red' | 'blue';
  okText?: string;
  cancelText?: string;
}

export interface SdkNotifyOptions {
  title?: string;
  content: string;
  icon: 'success' | 'failure';
}

export interface SdkDatabaseItem {
  key: string;
  queriableValue: string;
  value: unknown;
}

export type SdkEventHandler = (payload: unknown) => unknown;

/** `App.instance` (and the fake's `ZOHODESK.instance`): widget-to-widget messaging and event hooks. */
export interface ZohoDeskInstance {
  on(eventName: string, handler: SdkEventHandler): unknown;
  emit?(eventName: string, payload: unknown): unknown;
}

export interface ZohoDeskGlobal {
  extension: {
    /** Resolves with the App object: {instance, uniqueID, locale, localeResources, location, meta, …}. */
    onload(): Promise<unknown>;
  };
  get(key: string, options?: Record<string, unknown>): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
  delete(key: string, value: unknown): Promise<unknown>;
  request(options: SdkRequestOptions): Promise<unknown>;
  invoke(action: string, target?: unknown, options?: unknown): Promise<unknown>;
  showpopup(options: SdkPopupOptions): Promise<unknown>;
  notify(options: SdkNotifyOptions): unknown;
  /** Not documented on the global (the documented place is App.instance); used only as a fallback. */
  instance?: ZohoDeskInstance;
}

declare global {
  interface Window {
    ZOHODESK?: ZohoDeskGlobal;
  }
}
