import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { AssetHashType, DockerImage, Duration, type ILocalBundling } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { acknowledge } from '../nag.js';
import type { Construct } from 'constructs';
import { REPO_ROOT } from '../paths.js';

/** The bundling script (esbuild's JavaScript API, for its plugins), run with `node` by CDK's synchronous local bundling. */
const BUNDLE_SCRIPT = join(REPO_ROOT, 'infra/bundle/bundle-lambda.mjs');

/** Where each function's source maps go: `<cdk.out>/lambda-sourcemaps/<function path>/`, next to the assembly, never in the asset. */
export const SOURCEMAPS_FOLDER = 'lambda-sourcemaps';

export interface PortalFunctionProps extends Omit<lambda.FunctionOptions, 'architecture' | 'role' | 'logGroup'> {
  /** The TypeScript entry file exporting the handler. */
  readonly entry: string;
  /** The exported handler's name (default `handler`). */
  readonly handler?: string;
}

/**
 * Bundles on this machine with infra/bundle/bundle-lambda.mjs (never Docker): minified ESM split
 * into `index.mjs` and `chunks/`, the AWS SDK bundled, zod's other languages left out, source maps
 * written to `<cdk.out>/lambda-sourcemaps/<name>/` instead of the asset. The fields are part of
 * CDK's bundling cache key, so each entry gets its own bundle.
 */
class PortalBundler implements ILocalBundling {
  constructor(
    readonly entry: string,
    readonly name: string,
  ) {}

  tryBundle(outputDir: string): boolean {
    // The bundling folder is `<cdk.out>/bundling-temp-*`: the maps go beside it, in the same assembly.
    const sourcemaps = join(dirname(outputDir), SOURCEMAPS_FOLDER, this.name);
    const run = spawnSync(process.execPath, [BUNDLE_SCRIPT, this.entry, outputDir, sourcemaps], { cwd: REPO_ROOT, encoding: 'utf8' });
    // A failure stops the synth: there is deliberately no Docker fallback.
    if (run.status !== 0) throw new Error(`Bundling ${relative(REPO_ROOT, this.entry)} failed:\n${run.stderr || run.stdout || run.error?.message}`);
    return true;
  }
}

/**
 * The portal's Lambda defaults, set once: Node.js 22 on arm64, bundled locally with esbuild
 * (see {@link PortalBundler}), 1 GB memory, 10 s timeout, X-Ray tracing, and an explicit log
 * group kept for one month.
 *
 * The execution role is created here so it carries no AWS managed policy: logging is granted on
 * this function's log group only (cdk-nag AwsSolutions-IAM4).
 */
export class PortalFunction extends lambda.Function {
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

    const { entry, handler = 'handler', ...options } = props;
    const name = [...scope.node.scopes.map((s) => s.node.id).filter(Boolean), id].join('-');
    super(scope, id, {
      memorySize: 1024,
      timeout: Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      ...options,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: handler.includes('.') ? handler : `index.${handler}`,
      code: lambda.Code.fromAsset(REPO_ROOT, {
        // The asset is what the bundler wrote (its hash), not the repository it was made from.
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          local: new PortalBundler(entry, name),
          // Required by the API and never used: local bundling either succeeds or throws.
          image: DockerImage.fromRegistry('local-bundling-only'),
          command: ['node', relative(REPO_ROOT, BUNDLE_SCRIPT), relative(REPO_ROOT, entry)],
        },
      }),
      role,
      logGroup,
      // No NODE_OPTIONS=--enable-source-maps: no source map ships (they are kept beside the cloud
      // assembly), and reading one at start-up cost a cold start ~100 ms.
      ...(props.environment ? { environment: props.environment } : {}),
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
