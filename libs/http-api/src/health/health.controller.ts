import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('live')
  @ApiOkResponse({ description: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'The database answers and every migration is applied' })
  @ApiServiceUnavailableResponse({ description: 'NOT_READY' })
  async ready(): Promise<{ status: 'ok' }> {
    const pending = await this.dataSource.showMigrations().catch(() => {
      throw new ServiceUnavailableException('The database does not answer');
    });
    if (pending) throw new ServiceUnavailableException('Migrations are pending');
    return { status: 'ok' };
  }
}
