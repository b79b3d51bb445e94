import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GroupAccessService } from './group-access.service';
import { GroupsExtensions } from './groups.extensions';
import { GroupSanction } from './group-sanction.entity';
import { Group } from './group.entity';
import { Membership } from './membership.entity';
import { PseudonymsService } from './pseudonyms.service';
import { SanctionsService } from './sanctions.service';

/** The group policy, sanctions and extension points, shared by every feature and by the worker. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Group, Membership, GroupSanction])],
  providers: [GroupAccessService, SanctionsService, GroupsExtensions, PseudonymsService],
  exports: [GroupAccessService, SanctionsService, GroupsExtensions, PseudonymsService],
})
export class GroupsCoreModule {}
