import { Tracer } from '@aws-lambda-powertools/tracer';

/**
 * X-Ray tracing with Powertools Tracer. Loaded with `await import()` by functions/observability/lambda.ts
 * on a function's first invocation, and only in Lambda: the tracer and the X-Ray SDK under it are
 * ~125 KB of minified code (~20 ms to load), so they are a chunk of their own, outside the cold
 * start's module init.
 */
export interface Tracing {
  /** Runs one invocation inside a `## <service>` subsegment annotated with ColdStart and Service. */
  invocation<R>(run: () => Promise<R>): Promise<R>;
}

/** Patches each SDK client (a DynamoDB document client shares its client's middleware) so every call is a subsegment. */
export function startTracing(serviceName: string, clients: readonly object[]): Tracing {
  const tracer = new Tracer({ serviceName });
  // biome-ignore lint/suspicious/noExplicitAny: captureAWSv3Client is typed for any SDK v3 client (a generic over its config).
  for (const client of clients) tracer.captureAWSv3Client(client as any);
  return {
    async invocation(run) {
      if (!tracer.isTracingEnabled()) return run();
      const segment = tracer.getSegment();
      const subsegment = segment?.addNewSubsegment(`## ${serviceName}`);
      if (subsegment) tracer.setSegment(subsegment);
      tracer.annotateColdStart();
      tracer.addServiceNameAnnotation();
      try {
        return await run();
      } catch (err) {
        tracer.addErrorAsMetadata(err as Error);
        throw err;
      } finally {
        subsegment?.close();
        if (segment) tracer.setSegment(segment);
      }
    },
  };
}
