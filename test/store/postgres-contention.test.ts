import { PostgresEventStore } from '../../src/store/postgres/event-store.js';
import { contention } from '../commands/contention-suite.js';
import { freshSchema, postgresUrl } from '../support/postgres.js';

contention('PostgreSQL', () => PostgresEventStore.create(postgresUrl(), { schema: freshSchema('rush') }));
