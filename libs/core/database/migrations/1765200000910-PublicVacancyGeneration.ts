import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A number that grows after every committed change of a vacancy or an employer (issue 23):
 * the API's processes keep pages of the public vacancy list in memory and drop them when it
 * moves. A sequence, so bumping it takes no row lock and reading it is cheap.
 */
export class PublicVacancyGeneration1765200000910 implements MigrationInterface {
  name = 'PublicVacancyGeneration1765200000910';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create sequence public_vacancy_generation`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop sequence public_vacancy_generation`);
  }
}
