export * from './service-health.module';
