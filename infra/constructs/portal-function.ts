import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { acknowledge } from '../nag.js';
import type { Construct } from 'constructs';
import { REPO_ROOT } from '../paths.js';

/**
 * esbuild output is ESM (`index.mjs`). Some CommonJS dependencies still call `require()` for Node
 * built-ins, which does not exist in an ES module, so the banner defines it with `createRequire`.
 * The import is aliased so it cannot clash with a bundled identifier.
 */
const ESM_REQUIRE_BANNER = "import { createRequire as __portalCreateRequire } from 'node:module'; const require = __portalCreateRequire(import.meta.url);";

export interface PortalFunctionProps extends Omit<NodejsFunctionProps, 'runtime' | 'architecture' | 'role' | 'logGroup'> {
  /** The TypeScript entry file exporting `handler`. */
  readonly entry: string;
}

/**
 * The portal's Lambda defaults, set once: Node.js 22 on arm64, bundled locally with esbuild
 * (minified ESM, source maps, `node22` target), 1 GB memory, 10 s timeout, X-Ray tracing, and an
 * explicit log group kept for one month.
 *
 * The execution role is created here rather than by `NodejsFunction` so it carries no AWS managed
 * policy: logging is granted on this function's log group only (cdk-nag AwsSolutions-IAM4).
 */
export class PortalFunction extends NodejsFunction {
  /** The function's log group (one month retention). */
  public readonly logGroupResource: logs.LogGroup;

  constructor(scope: Construct, id: string, props: PortalFunctionProps) {
    // The role and log group are siblings of the function (`this` does not exist before super()).
    const logGroup = new logs.LogGroup(scope, `${id}LogGroup`, {
      retention: logs.RetentionDays.ONE_MONTH,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${id} function`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      memorySize: 1024,
      timeout: Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      ...props,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      role,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        minify: true,
        sourceMap: true,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // The AWS SDK v3 is provided by the Node.js 22 runtime (NodejsFunction's default).
        externalModules: ['@aws-sdk/*'],
        // Always the local esbuild from node_modules; never fall back to Docker.
        forceDockerBundling: false,
        ...props.bundling,
      },
    });
    this.logGroupResource = logGroup;

    acknowledge(role, [
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray tracing (Tracing.ACTIVE) adds xray:PutTraceSegments and xray:PutTelemetryRecords, which do not support resource-level permissions, so their resource must be "*".',
      },
    ]);
    acknowledge(this, [
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 is the runtime the code is built, typed and tested for (esbuild target node22, engines >=20); moving to a newer runtime is a deliberate upgrade, not a side effect of a deploy.',
      },
    ]);
  }
}
