import { DynamicModule, Module } from '@nestjs/common';
import { Env, PlatformModule } from '@kintsugi/platform';
import { WorkerProcessorsModule } from './worker-processors.module';

@Module({})
export class WorkerModule {
  static register(env: Env): DynamicModule {
    return { module: WorkerModule, imports: [PlatformModule.forRoot(env), WorkerProcessorsModule] };
  }
}
