import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * `migrate dev` feeds each migration file to the shadow database as a single raw
 * statement, which SQLite refuses once a migration holds several statements (P3006).
 * Running argument-less raw SQL as a script makes multi-statement migrations work.
 */
export function withScriptShadowDb<T extends SqlMigrationAwareDriverAdapterFactory>(factory: T): T {
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const adapter = await connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length === 0) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return adapter;
  };
  return factory;
}
