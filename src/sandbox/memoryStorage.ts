/**
 * A Storage like the browser's sessionStorage, in memory: one browser tab for the simulator's seeding
 * agents, the bench's portal and the tests. An optional quota in characters makes setItem throw the
 * browser's QuotaExceededError.
 */
export class MemoryStorage implements Storage {
  private readonly data = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const value = String(v);
    if (this.quota !== Infinity) {
      const used = [...this.data].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
      if (used + k.length + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    }
    this.data.set(k, value);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  clear() {
    this.data.clear();
  }
}
