import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** `/docs` (Swagger UI) and `/docs-json`, generated from the controllers, DTOs and route decorators. */
export function serveOpenApi(app: INestApplication, title: string): void {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription('Price-anomaly detection over marketplace order-price histories. Errors are JSON {error, code, ...}. The contract (routes, fields, codes, messages, limits) is docs/API.md in the repository.')
    .setVersion('1.0.0')
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), { jsonDocumentUrl: 'docs-json' });
}
