import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('live')
  @ApiResponse({ status: 200, description: 'The process is up', example: { status: 'ok' } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiResponse({ status: 200, description: 'The database answers and every migration is applied', example: { status: 'ok' } })
  @ApiResponse({ status: 503, description: 'Not ready: database down or migrations pending', example: { error: 'The database does not answer', code: 'SERVICE_UNAVAILABLE' } })
  async ready(): Promise<{ status: 'ok' }> {
    const pending = await this.dataSource.showMigrations().catch(() => {
      throw new ServiceUnavailableException('The database does not answer');
    });
    if (pending) throw new ServiceUnavailableException('Migrations are pending');
    return { status: 'ok' };
  }
}
