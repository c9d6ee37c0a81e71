import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A number that grows with every change of the search index (issue 17): the
 * API's processes keep hot search results in memory and drop them when it
 * moves. A sequence, so bumping it takes no row lock and reading it is cheap.
 */
export class SearchIndexGeneration1765200000900 implements MigrationInterface {
  name = 'SearchIndexGeneration1765200000900';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create sequence search_index_generation`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop sequence search_index_generation`);
  }
}
