/**
 * The real embedded database behind the demo: a SQLite file (better-sqlite3) with a users table seeded
 * deterministically. Only named statements can run, so the HTTP surface never executes caller SQL.
 * The search statement is a deliberate full scan (LIKE with a leading wildcard, no usable index): the
 * demo's genuinely slow query.
 */
import Database from 'better-sqlite3';

export interface UserRow {
  id: number;
  name: string;
  email: string;
  tier: string;
}

export interface NamedQuery {
  /** db.operation and table, for the span name and attributes. */
  operation: 'SELECT';
  table: 'users';
  sql: string;
}

export const QUERIES = {
  listUsers: {
    operation: 'SELECT',
    table: 'users',
    sql: 'SELECT id, name, email, tier FROM users ORDER BY id LIMIT ?',
  },
  getUser: { operation: 'SELECT', table: 'users', sql: 'SELECT id, name, email, tier FROM users WHERE id = ?' },
  searchUsers: {
    operation: 'SELECT',
    table: 'users',
    sql: "SELECT id, name, email, tier FROM users WHERE name LIKE '%' || ? || '%' OR email LIKE '%' || ? || '%' LIMIT 50",
  },
} as const satisfies Record<string, NamedQuery>;

export type QueryName = keyof typeof QUERIES;

export function isQueryName(s: unknown): s is QueryName {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(QUERIES, s);
}

const FIRST = ['ada', 'alan', 'grace', 'edsger', 'barbara', 'donald', 'frances', 'ken', 'radia', 'leslie'];
const LAST = ['lovelace', 'turing', 'hopper', 'dijkstra', 'liskov', 'knuth', 'allen', 'thompson', 'perlman', 'lamport'];
const TIERS = ['free', 'pro', 'enterprise'];

export class UsersDb {
  private readonly db: Database.Database;
  readonly file: string;

  constructor(file: string, seedUsers: number) {
    this.file = file;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, tier TEXT NOT NULL)'
    );
    const { n } = this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
    if (n < seedUsers) {
      this.seed(n, seedUsers);
    }
  }

  private seed(from: number, to: number): void {
    const insert = this.db.prepare('INSERT INTO users (id, name, email, tier) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (let id = from + 1; id <= to; id++) {
        const first = FIRST[id % FIRST.length];
        const last = LAST[Math.floor(id / FIRST.length) % LAST.length];
        insert.run(id, `${first} ${last} ${id}`, `${first}.${last}${id}@example.test`, TIERS[id % TIERS.length]);
      }
    })();
  }

  run(name: QueryName, params: ReadonlyArray<string | number>): UserRow[] {
    const q = QUERIES[name];
    const expected = (q.sql.match(/\?/g) ?? []).length;
    if (params.length !== expected) {
      throw new Error(`query ${name} takes ${expected} parameters, got ${params.length}`);
    }
    return this.db.prepare(q.sql).all(...params) as UserRow[];
  }

  close(): void {
    this.db.close();
  }
}
