export { GroupsCoreModule } from './groups-core.module';
export { GroupsModule } from './groups.module';
export { GroupsExtensions, type OnlineLookup, type NextSessionLookup } from './groups.extensions';
export { RequireGroupAccess, CurrentGroupAccess, GroupAccessGuard } from './group-access.guard';
export { GroupIdPipe } from './group-id.pipe';
export type { GroupView, MembershipView, MemberView } from './group.view';
export {
  GroupAccessService,
  type GroupAccess,
  type GroupRef,
  type AccessLevel,
} from './group-access.service';
export { SanctionsService } from './sanctions.service';
export { GroupErrors } from './groups.errors';
export type { MembershipRole } from './membership.entity';
export { PseudonymsService, appearanceKey, type PseudonymLookupView } from './pseudonyms.service';
export {
  pseudonymJoin,
  appearanceColumns,
  toAppearance,
  publicPart,
  type Appearance,
} from './group-appearance';
