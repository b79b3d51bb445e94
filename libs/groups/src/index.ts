export { GroupsCoreModule } from './groups-core.module';
export {
  GroupAccessService,
  type GroupAccess,
  type GroupRef,
  type AccessLevel,
} from './group-access.service';
export { SanctionsService } from './sanctions.service';
export { GroupErrors } from './groups.errors';
export type { MembershipRole } from './membership.entity';
