export { IdentityCoreModule, IdentityModule } from './identity.module';
export { AccessTokensService } from './access-tokens.service';
export { UsersService, type MemberContact, type AudienceChangeHandler } from './users.service';
export {
  PersonalDataRegistry,
  type PersonalDataExporter,
  type PersonalDataEraser,
} from './personal-data.registry';
export { CurrentUser, Public, Roles } from './auth.decorators';
export { User, type JourneyRole, JOURNEY_ROLES, type PlatformRole } from './user.entity';
export {
  type AuthUser,
  type PublicUser,
  type OwnProfile,
  type AdminUserView,
  toPublicUser,
  toAuthor,
  isAdmin,
} from './user.view';
export { ARGON2_PARAMS } from './passwords.service';
export { IsIanaTimeZone, canonicalTimeZone } from './time-zone';
export { FRIENDLY_WORDS } from './handles';
