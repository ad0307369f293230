import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ReconciliationReport, ReconciliationRun, ReconciliationRunSummary } from '@guideshare/contracts';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { ReconciliationRunEntity } from './reconciliation-run.entity.js';

const LIST_LIMIT = 200;

const toSummary = (r: ReconciliationRunEntity): ReconciliationRunSummary => ({
  id: r.id,
  billDate: r.billDate,
  source: r.source,
  matched: r.matched,
  missingInLedgerCount: r.missingInLedgerCount,
  missingInBillCount: r.missingInBillCount,
  amountMismatchCount: r.amountMismatchCount,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

/** Reconciliation runs are kept, so finance can come back to what a bill showed and when. */
@Injectable()
export class ReconciliationRunsService {
  constructor(@InjectRepository(ReconciliationRunEntity) private readonly runs: Repository<ReconciliationRunEntity>) {}

  /** Stores a finished report (a refused bill stores nothing) and answers it with its run id. */
  async record(
    source: ReconciliationRun['source'],
    createdBy: string | null,
    report: ReconciliationReport,
  ): Promise<ReconciliationRun> {
    const row: ReconciliationRunEntity = {
      id: newId(),
      billDate: report.billDate,
      source,
      matched: report.matched,
      missingInLedgerCount: report.missingInLedger.length,
      missingInBillCount: report.missingInBill.length,
      amountMismatchCount: report.amountMismatch.length,
      report: JSON.stringify(report),
      createdBy,
      createdAt: new Date(),
    };
    await this.runs.insert(row);
    return { id: row.id, source, createdBy, createdAt: row.createdAt.toISOString(), ...report };
  }

  /** The latest runs, newest first (counts only). */
  async list(): Promise<ReconciliationRunSummary[]> {
    return (await this.runs.find({ order: { createdAt: 'DESC', id: 'DESC' }, take: LIST_LIMIT })).map(toSummary);
  }

  async get(id: string): Promise<ReconciliationRun> {
    const row = await this.runs.findOneBy({ id });
    if (!row) throw AppError.notFound('RECONCILIATION_NOT_FOUND', `No reconciliation run ${id}`);
    const report = JSON.parse(row.report) as ReconciliationReport;
    return {
      id: row.id,
      source: row.source,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      ...report,
    };
  }
}
