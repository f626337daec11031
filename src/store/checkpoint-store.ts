/**
 * Where a projection remembers how far it has read the global log. Stores keep checkpoints beside the
 * events (the same database), so a projection and its checkpoint can be trusted together.
 */
export interface CheckpointStore {
  /** The last global position the named projection applied, or undefined when it has applied nothing. */
  load(name: string): Promise<bigint | undefined>;
  /** Records that the named projection has applied everything up to and including `position`. */
  save(name: string, position: bigint): Promise<void>;
}

/** Checkpoints in memory, for the in-memory store and for tests. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, bigint>();

  /** The last saved position of a projection. */
  async load(name: string): Promise<bigint | undefined> {
    return this.positions.get(name);
  }

  /** Saves a projection's position. */
  async save(name: string, position: bigint): Promise<void> {
    this.positions.set(name, position);
  }
}
