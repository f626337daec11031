import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { compiledSchema } from './compiled-schema.js';
import { domainError, type DomainError } from './errors.js';

/** A map from message type (`ProblemReported`, `ReportProblem`) to the zod schema of its data. */
export type SchemaMap = Readonly<Record<string, z.ZodType>>;

/** The union of `{ type, data }` messages a schema map describes, with data as parsed (defaults applied). */
export type MessagesOf<M extends SchemaMap> = {
  [K in keyof M & string]: { readonly type: K; readonly data: z.output<M[K]> };
}[keyof M & string];

/** A type with every array and property read-only, all the way down. */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * The union of `{ type, data }` messages a schema map accepts as input (before defaults are applied).
 * Read-only all the way down, so a caller may pass `as const` data or frozen objects.
 */
export type MessageInputsOf<M extends SchemaMap> = {
  [K in keyof M & string]: { readonly type: K; readonly data: DeepReadonly<z.input<M[K]>> };
}[keyof M & string];

/**
 * Turns an old version of an event's data into the next version. Registered per event type and source
 * version; reading applies them in sequence until the data reaches the catalogue's current version.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly upcast: (data: unknown) => unknown;
}

/** One message type of a catalogue: its schema, its current version, and the schema compiled once used. */
interface CatalogueEntry {
  readonly schema: z.ZodType;
  readonly version: number;
  compiled?: z.ZodType;
}

/**
 * The schemas of a family of messages (one aggregate's events or commands), their current schema versions
 * and the upcasters that bring older versions forward. Anything coming from outside, a command from a
 * caller or an event from a store, goes through {@link MessageCatalogue.parse}: it is parsed, never trusted.
 */
export class MessageCatalogue<M extends SchemaMap> {
  private readonly upcasters = new Map<string, Upcaster>();
  /**
   * Each type's schema and current version, in a Map: every command and every stored event is parsed here,
   * and a Map finds a type string fresh from JSON.parse faster than a property lookup does. The schema is
   * compiled by zod on first use (see `compiledSchema`), so types a process never reads cost nothing.
   */
  private readonly entries = new Map<string, CatalogueEntry>();

  /** Creates a catalogue from the data schemas; `versions` gives types whose schema is past version 1. */
  constructor(
    readonly schemas: M,
    versions: Partial<Record<keyof M & string, number>> = {},
  ) {
    for (const [type, schema] of Object.entries(schemas)) {
      // Own keys only: a type named `constructor` or `toString` must not read Object's members.
      const version = Object.hasOwn(versions, type) ? versions[type as keyof M & string] : undefined;
      this.entries.set(type, { schema, version: version ?? 1 });
    }
  }

  /** The message types of this catalogue. */
  get types(): readonly (keyof M & string)[] {
    return [...this.entries.keys()];
  }

  /** True when `type` belongs to this catalogue. */
  has(type: string): type is keyof M & string {
    return this.entries.has(type);
  }

  /** The current schema version of a message type (1 unless the catalogue was given another). */
  schemaVersion(type: keyof M & string): number {
    return this.entries.get(type)?.version ?? 1;
  }

  /** Registers an upcaster from `fromVersion` to `fromVersion + 1` of one type; returns the catalogue. */
  registerUpcaster(upcaster: Upcaster): this {
    if (!this.has(upcaster.type)) throw new Error(`unknown message type ${upcaster.type}`);
    this.upcasters.set(`${upcaster.type}@${upcaster.fromVersion}`, upcaster);
    return this;
  }

  /**
   * Parses a `{ type, data }` message written at `schemaVersion`: upcasts it to the current version, then
   * validates it. Returns `Left` with `code` (`invalid-command` or `invalid-event`) and the zod issues.
   */
  parse(
    message: unknown,
    options: {
      readonly schemaVersion?: number;
      readonly errorCode?: 'invalid-command' | 'invalid-event';
    } = {},
  ): Either<DomainError, MessagesOf<M>> {
    const code = options.errorCode ?? 'invalid-command';
    // The envelope is checked by hand: it is two fields, and this runs for every command and every event read.
    if (
      typeof message !== 'object' ||
      message === null ||
      typeof (message as { type?: unknown }).type !== 'string'
    ) {
      return left(domainError(code, 'a message is an object with a string type and data'));
    }
    const type = (message as { type: string }).type;
    const entry = this.entries.get(type);
    if (entry === undefined) return left(domainError(code, `unknown type ${type}`, { type }));
    const current = entry.version;
    let version = options.schemaVersion ?? current;
    let data = (message as { data?: unknown }).data;
    if (version > current) {
      return left(domainError(code, `${type} v${version} is newer than this library knows (v${current})`));
    }
    while (version < current) {
      const upcaster = this.upcasters.get(`${type}@${version}`);
      if (upcaster === undefined) {
        return left(domainError(code, `no upcaster for ${type} from v${version}`, { type, version }));
      }
      data = upcaster.upcast(data);
      version += 1;
    }
    entry.compiled ??= compiledSchema(entry.schema);
    const parsed = entry.compiled.safeParse(data);
    if (!parsed.success) {
      return left(
        domainError(code, `invalid ${type}: ${z.prettifyError(parsed.error)}`, parsed.error.issues),
      );
    }
    return right({ type, data: parsed.data } as MessagesOf<M>);
  }
}
