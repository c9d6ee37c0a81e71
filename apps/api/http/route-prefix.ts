import { INestApplication, RequestMethod } from '@nestjs/common';

/** Every route under /api, except the health probes that load balancers call at /health. */
export function useApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
}
