import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns a raw row (snake_case columns, as `RETURNING *` gives it) into an entity, with the same
 * type conversions and transformers TypeORM applies when it loads the entity itself.
 */
export function hydrate<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, raw: Record<string, unknown>): T {
  const metadata = m.connection.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (column.databaseName in raw)
      column.setEntityValue(entity, m.connection.driver.prepareHydratedValue(raw[column.databaseName], column));
  }
  return entity;
}
