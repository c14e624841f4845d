import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ReadReplicas } from '#libs/database';

/** Starts watching the replicas' replay positions with the app, and closes their pools with it. */
@Injectable()
export class ReplicasRuntime implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly replicas: ReadReplicas) {}

  onApplicationBootstrap(): void {
    this.replicas.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.replicas.stop();
  }
}
