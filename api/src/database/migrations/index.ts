import type { MigrationInterface } from 'typeorm';
import { Initial1795468545261 } from './1795468545261-Initial.js';
import { MemberCodesAndBindingAudits1795470120000 } from './1795470120000-MemberCodesAndBindingAudits.js';
import { RegistrationsAndOaFollowers1795470987213 } from './1795470987213-RegistrationsAndOaFollowers.js';
import { RefundsAndSettlements1795480000000 } from './1795480000000-RefundsAndSettlements.js';
import { ReportIndexes1795482000000 } from './1795482000000-ReportIndexes.js';
import { CatalogManagement1796053395451 } from './1796053395451-CatalogManagement.js';
import { Leases1796060000000 } from './1796060000000-Leases.js';
import { FulfilmentAndOrderNo1796070000000 } from './1796070000000-FulfilmentAndOrderNo.js';
import { ShareImages1796071313000 } from './1796071313000-ShareImages.js';
import { AfterSales1796072000000 } from './1796072000000-AfterSales.js';
import { ClerkStaff1796090000000 } from './1796090000000-ClerkStaff.js';
import { MemberCodeUses1796079000000 } from './1796079000000-MemberCodeUses.js';
import { GroupVisits1796091313000 } from './1796091313000-GroupVisits.js';
import { Uploads1796090100000 } from './1796090100000-Uploads.js';
import { ReconciliationRuns1796090200000 } from './1796090200000-ReconciliationRuns.js';
import { MemberDeletion1796095000000 } from './1796095000000-MemberDeletion.js';
import { AttributionPolicyOptions1796080000000 } from './1796080000000-AttributionPolicyOptions.js';
import { AttributionCorrectionsAndClaims1796081000000 } from './1796081000000-AttributionCorrectionsAndClaims.js';
import { PaymentFacts1796096000000 } from './1796096000000-PaymentFacts.js';

/**
 * Every migration, in order. To add one: change the entities, `pnpm build`, then
 * `DATABASE_URL=mariadb://… pnpm --filter @guideshare/api migration:generate src/database/migrations/Name`
 * against a database at the current schema, and list the new class here.
 */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795468545261,
  MemberCodesAndBindingAudits1795470120000,
  RegistrationsAndOaFollowers1795470987213,
  RefundsAndSettlements1795480000000,
  ReportIndexes1795482000000,
  CatalogManagement1796053395451,
  Leases1796060000000,
  FulfilmentAndOrderNo1796070000000,
  ShareImages1796071313000,
  AfterSales1796072000000,
  ClerkStaff1796090000000,
  MemberCodeUses1796079000000,
  GroupVisits1796091313000,
  Uploads1796090100000,
  ReconciliationRuns1796090200000,
  MemberDeletion1796095000000,
  AttributionPolicyOptions1796080000000,
  AttributionCorrectionsAndClaims1796081000000,
  PaymentFacts1796096000000,
];
