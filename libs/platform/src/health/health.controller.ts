import { Controller, Get } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadReplicas } from '#libs/database';
import { NotReadyError } from '#libs/errors';
import { errorBody } from '#libs/http-contract';
import { FeedRuntime } from '../feed/feed-runtime.js';

/** Liveness (the process answers) and readiness (database reachable, migrations applied), by @nestjs/terminus. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: FeedRuntime,
    private readonly replicas: ReadReplicas,
  ) {}

  @Get('live')
  @HealthCheck({ swaggerDocumentation: false }) // it has no check that could fail: never a 503
  @ApiResponse({ status: 200, description: 'The process is up (with WORKERS, the one that answered)', example: { status: 'ok', info: { process: { status: 'up', pid: 4242 } }, error: {}, details: { process: { status: 'up', pid: 4242 } } } })
  live(): Promise<HealthCheckResult> {
    return this.health.check([() => this.indicators.check('process').up({ pid: process.pid })]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiResponse({ status: 200, description: 'The database answers and every migration is applied', example: { status: 'ok', info: { database: { status: 'up' }, migrations: { status: 'up' } } } })
  @ApiResponse({ status: 503, description: 'NOT_READY: database down or migrations pending; `checks` holds every check', example: errorBody(new NotReadyError({ database: { status: 'down', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, migrations: { status: 'up' } })) })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.pingCheck('database', { connection: this.dataSource, timeout: 1500 }),
      async () => {
        const migrations = this.indicators.check('migrations');
        try {
          return (await this.dataSource.showMigrations()) ? migrations.down({ pending: true }) : migrations.up();
        } catch (error) {
          return migrations.down({ message: error instanceof Error ? error.message : String(error) }); // cannot tell: not ready
        }
      },
      // Only with replicas: each one's state is reported; one down or behind is skipped, not a reason to stop serving.
      ...(this.replicas.enabled ? [() => this.indicators.check('replicas').up({ replicas: this.replicas.status() })] : []),
      // Only with AMQP_URL: the broker is reported, and a broker away makes the process not ready.
      ...(this.feed.brokerConnected === undefined ? [] : [() => {
        const broker = this.indicators.check('broker');
        return this.feed.brokerConnected ? broker.up() : broker.down({ message: 'reconnecting to AMQP_URL' });
      }]),
    ]);
  }
}
