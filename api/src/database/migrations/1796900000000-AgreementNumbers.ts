import type { MigrationInterface, QueryRunner } from 'typeorm';
import { derivedPrefix, formatCommitteeNumber } from '../../rules/committee-number.js';

/**
 * Agreements numbered in the mediating committee's own gapless yearly series (issue 14 item 6):
 * 赤市调字〔2026〕第12号, shared with the dossier. Existing agreements are numbered in the order they
 * were recorded, per mediating committee (the delegated one, else the mediator's: as
 * case-records/agreement-number.ts decides; the court's centre when none) and China-time year,
 * with the 代字 derived from the committee's name by the application's own function, and the series
 * continue after them.
 */
export class AgreementNumbers1796900000000 implements MigrationInterface {
  name = 'AgreementNumbers1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" ADD "doc_prefix" character varying(20)`);
    await queryRunner.query(
      `CREATE TABLE "agreement_number_sequences" ("scope_id" uuid NOT NULL, "year" integer NOT NULL, "last_seq" integer NOT NULL, CONSTRAINT "pk_agreement_number_sequences" PRIMARY KEY ("scope_id", "year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD "number" character varying(40), ADD "number_scope_id" uuid, ADD "number_year" integer, ADD "number_seq" integer`,
    );
    // Numbered in recording order within each series, the 代字 derived as the application derives it.
    const rows = (await queryRunner.query(`
      SELECT a.id, COALESCE(o.id, c.court_id) AS scope_id, COALESCE(o.name, ct.name) AS name,
             EXTRACT(YEAR FROM a.created_at AT TIME ZONE 'Asia/Shanghai')::int AS year
      FROM agreements a
      JOIN cases c ON c.id = a.case_id
      JOIN courts ct ON ct.id = c.court_id
      LEFT JOIN users u ON u.id = COALESCE(c.assignee_id, c.delegated_mediator_id)
      LEFT JOIN organizations o ON o.id = COALESCE(c.delegated_organization_id, u.organization_id) AND o.court_id = c.court_id
      ORDER BY a.created_at, a.id`)) as { id: string; scope_id: string; name: string; year: number }[];
    const last = new Map<string, number>();
    const numbered = rows.map((r) => {
      const key = `${r.scope_id}/${r.year}`;
      const seq = (last.get(key) ?? 0) + 1;
      last.set(key, seq);
      return { ...r, seq, number: formatCommitteeNumber(derivedPrefix(r.name), r.year, seq) };
    });
    for (let i = 0; i < numbered.length; i += 5000) {
      const batch = numbered.slice(i, i + 5000);
      await queryRunner.query(
        `UPDATE agreements a SET number = x.number, number_scope_id = x.scope_id, number_year = x.year, number_seq = x.seq
         FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::int[]) AS x(id, number, scope_id, year, seq)
         WHERE a.id = x.id`,
        [
          batch.map((r) => r.id),
          batch.map((r) => r.number),
          batch.map((r) => r.scope_id),
          batch.map((r) => r.year),
          batch.map((r) => r.seq),
        ],
      );
    }
    await queryRunner.query(`
      INSERT INTO agreement_number_sequences (scope_id, year, last_seq)
      SELECT number_scope_id, number_year, max(number_seq) FROM agreements GROUP BY number_scope_id, number_year`);
    await queryRunner.query(
      `ALTER TABLE "agreements" ALTER COLUMN "number" SET NOT NULL, ALTER COLUMN "number_scope_id" SET NOT NULL, ALTER COLUMN "number_year" SET NOT NULL, ALTER COLUMN "number_seq" SET NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_agreements_number" ON "agreements" ("number_scope_id", "number_year", "number_seq")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ux_agreements_number"`);
    await queryRunner.query(
      `ALTER TABLE "agreements" DROP COLUMN "number_seq", DROP COLUMN "number_year", DROP COLUMN "number_scope_id", DROP COLUMN "number"`,
    );
    await queryRunner.query(`DROP TABLE "agreement_number_sequences"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "doc_prefix"`);
  }
}
