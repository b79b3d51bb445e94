import { Module } from '@nestjs/common';
import { IdentityCoreModule } from '@kintsugi/identity';
import { GroupsCoreModule } from './groups-core.module';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { MembershipsController } from './memberships.controller';
import { MembershipsService } from './memberships.service';
import { PseudonymsController } from './pseudonyms.controller';

/** The HTTP side of groups: listing, administration, joining and leaving, members. */
@Module({
  imports: [IdentityCoreModule, GroupsCoreModule],
  controllers: [GroupsController, MembershipsController, PseudonymsController],
  providers: [GroupsService, MembershipsService],
})
export class GroupsModule {}
