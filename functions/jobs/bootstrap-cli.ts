/**
 * `npm run bootstrap -- --template <file> --lead-email <email> --name "<name>"`: creates a
 * partnership from a template file and invites its programme lead (see bootstrap.ts). Locally it
 * uses the running `npm start` (its DynamoDB Local and mail emulator, found in
 * `.data/local-endpoints.json`), so the invitation appears in its mailbox; in AWS mode
 * (PORTAL_MODE=aws) the tables, Cognito and SES of the environment, or with `--stack <name>` those
 * the stateless stack's outputs name.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { loadConfig } from '../config.js';
import { createDocumentClient } from '../db/client.js';
import { BOOTSTRAP_USAGE, BootstrapRefused, EXIT, type ExitCode, parseBootstrapArgs, runBootstrap, settingsFromStackOutputs } from './bootstrap.js';
import { withRunningPortal } from './running-portal.js';

/** The settings the stack's outputs give, read with DescribeStacks in the stack's region. */
async function stackSettings(stack: string, region: string | undefined): Promise<Record<string, string>> {
  if (!region) throw new BootstrapRefused(`Give the region of the stack ${stack}: --region eu-west-2, or set AWS_REGION.`);
  const client = new CloudFormationClient({ region, maxAttempts: 3 });
  try {
    const res = await client.send(new DescribeStacksCommand({ StackName: stack }), { abortSignal: AbortSignal.timeout(15_000) });
    const found = res.Stacks?.[0];
    if (!found) throw new BootstrapRefused(`There is no stack ${stack} in ${region}.`);
    return settingsFromStackOutputs(stack, found.Outputs ?? [], region);
  } catch (err) {
    // CloudFormation answers a stack it does not have with a ValidationError.
    if (err instanceof Error && err.name === 'ValidationError') throw new BootstrapRefused(`${err.message} (region ${region}). Give the stateless stack's name and its region.`);
    throw err;
  } finally {
    client.destroy();
  }
}

async function main(): Promise<ExitCode> {
  const args = process.argv.slice(2);
  let env: Record<string, string | undefined> = { LOG_LEVEL: 'warn', ...process.env };
  try {
    const opts = parseBootstrapArgs(args);
    if (opts.help) {
      console.log(BOOTSTRAP_USAGE);
      return EXIT.ok;
    }
    if (opts.stack) env = { ...env, ...(await stackSettings(opts.stack, opts.region ?? env.AWS_REGION)) };
    else if (opts.region) env = { ...env, AWS_REGION: opts.region };
  } catch (err) {
    if (err instanceof BootstrapRefused) {
      console.error(err.message);
      for (const line of err.lines) console.error(`  ${line}`);
      return EXIT.refused;
    }
    console.error(`The stack's outputs could not be read: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT.unavailable;
  }
  // Locally the running portal's database and mail emulator.
  const config = withRunningPortal(loadConfig(env));
  return runBootstrap(args, { config, doc: createDocumentClient(config.dynamodb) });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // The configuration (a setting missing in AWS mode) or the running portal not found.
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = EXIT.unavailable;
  },
);
