// A bounded cache that keeps what is used often: two generations of at most `limit` entries
// each; when the young one fills, it becomes the old one and the oldest is dropped, and an
// entry found in the old one moves back to the young. A batch of forms measures the same
// labels on every page among hundreds of thousands of one-off names and numbers: a cache
// emptied whenever it filled lost the labels every couple of households.
export class RecentCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
