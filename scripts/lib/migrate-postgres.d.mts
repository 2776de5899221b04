export function migratePostgres(url: string, migrationsDir: string): Promise<void>;
