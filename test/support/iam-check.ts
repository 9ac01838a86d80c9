import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Api } from '../../infra/constructs/api.js';
import { MailEvents } from '../../infra/constructs/mail-events.js';
import { Reminders } from '../../infra/constructs/reminders.js';
import { partitionsOf, type SentCommand } from './dynamo-commands.js';

/**
 * The DynamoDB permissions of the scheduled mail jobs, the SES events handler and the API as CDK
 * writes them, checked against the commands those functions really send (recorded on DynamoDB
 * Local): an AccessDenied in AWS would otherwise show only on the first morning after a deploy. The
 * check models what IAM evaluates for DynamoDB (action, table or index ARN, `dynamodb:LeadingKeys`,
 * `dynamodb:Attributes`, `dynamodb:Select`, `dynamodb:ReturnValues`) with the condition operators
 * the policies use; an operator or condition key it does not know fails the check rather than
 * passing it.
 */

const ACCOUNT = '111111111111';
const REGION = 'eu-west-2';
export const TABLE_ARNS = {
  main: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/portal-main`,
  audit: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/portal-audit`,
};

export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** The role policy statements of every role in a stack, by a fragment of the role's logical id. */
type PoliciesOf = (role: string) => Statement[];

/**
 * Synthesizes a stack of its own (the tables imported by ARN; no bundling: the fixture entry is
 * never built), lets `build` add the functions under test, and gives their role policies.
 */
function synthesizePolicies<T>(
  stackId: string,
  build: (stack: Stack, tables: { table: dynamodb.ITable; auditTable: dynamodb.ITable }, entry: string) => void,
  read: (of: PoliciesOf) => T,
): T {
  const outdir = mkdtempSync(join(tmpdir(), 'role-policies-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, stackId, { env: { account: ACCOUNT, region: REGION } });
    const table = dynamodb.Table.fromTableArn(stack, 'Main', TABLE_ARNS.main);
    const auditTable = dynamodb.Table.fromTableArn(stack, 'Audit', TABLE_ARNS.audit);
    build(stack, { table, auditTable }, join(import.meta.dirname, '../infra/fixtures/handler.ts'));
    const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')) as { Properties: { Roles: unknown; PolicyDocument: { Statement: Statement[] } } }[];
    return read((role) => policies.filter((p) => JSON.stringify(p.Properties.Roles).includes(role)).flatMap((p) => p.Properties.PolicyDocument.Statement));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const AUTH_ENVIRONMENT = { COGNITO_USER_POOL_ID: 'eu-west-2_pool', COGNITO_CLIENT_ID: 'client' };

/** The role policies of the two mail functions (infra/constructs/reminders.ts, mail-events.ts). */
export function jobPolicies(): { reminders: Statement[]; mailEvents: Statement[] } {
  return synthesizePolicies(
    'Jobs',
    (stack, { table, auditTable }, entry) => {
      new Reminders(stack, 'Reminders', { entry, table, authEnvironment: AUTH_ENVIRONMENT, mailFrom: 'Portal <no-reply@example.org>', portalUrl: 'https://portal.example' });
      new MailEvents(stack, 'MailEvents', { entry, table, auditTable, authEnvironment: AUTH_ENVIRONMENT });
    },
    (of) => ({ reminders: of('RemindersHandlerRole'), mailEvents: of('MailEventsHandlerRole') }),
  );
}

/** The API function's role policy (infra/constructs/api.ts): every statement, DynamoDB's and the others. */
export function apiPolicies(): Statement[] {
  return synthesizePolicies(
    'ApiPolicy',
    (stack, { table, auditTable }, entry) => {
      const pool = AUTH_ENVIRONMENT.COGNITO_USER_POOL_ID;
      const api = new Api(stack, 'Api', {
        entry,
        table,
        auditTable,
        documentsBucket: s3.Bucket.fromBucketName(stack, 'Documents', 'portal-documents'),
        partnershipId: 'mscp',
        userPoolId: pool,
        issuerUrl: `https://cognito-idp.${REGION}.amazonaws.com/${pool}`,
        hostedUiDomain: 'portal-auth.auth.eu-west-2.amazoncognito.com',
        mailFrom: 'Portal <no-reply@example.org>',
        configurationSet: 'portal-mail',
      });
      api.connect({ userPoolClientId: AUTH_ENVIRONMENT.COGNITO_CLIENT_ID, portalUrl: 'https://portal.example' });
    },
    (of) => of('ApiHandlerRole'),
  );
}

/** One DynamoDB request as IAM sees it. */
export interface IamRequest {
  action: string;
  resource: string;
  leadingKeys: string[];
  /** Top-level attribute names the request names; absent when it names none (a read of whole items). */
  attributes?: string[];
  select?: string;
  /** `ReturnValues` of a write, when it asks for any (IAM's `dynamodb:ReturnValues`). */
  returnValues?: string;
}

const KEYWORDS = new Set(
  [
    'SET',
    'REMOVE',
    'ADD',
    'DELETE',
    'AND',
    'OR',
    'NOT',
    'IN',
    'BETWEEN',
    'if_not_exists',
    'list_append',
    'attribute_exists',
    'attribute_not_exists',
    'attribute_type',
    'begins_with',
    'contains',
    'size',
  ].map((k) => k.toLowerCase()),
);

/** The attribute names an expression mentions (`#names` resolved; `:values` and functions left out). */
function namesIn(expression: unknown, names: unknown): string[] {
  const aliases = (names ?? {}) as Record<string, string>;
  return [...String(expression ?? '').matchAll(/(?<![:\w#])#?[A-Za-z_]\w*/g)]
    .map((m) => m[0])
    .filter((n) => !KEYWORDS.has(n.toLowerCase()))
    .map((n) => (n.startsWith('#') ? (aliases[n] ?? n) : n));
}

type Input = Record<string, unknown>;

/** What IAM is asked for by one command (a transaction or batch asks once per item or table). */
export function requestsOf(c: SentCommand, tableArn: (tableName: string) => string): IamRequest[] {
  const keys = (k: unknown) => Object.keys((k ?? {}) as Input);
  const leading = (k: unknown) => {
    const pk = ((k ?? {}) as Input).pk;
    return typeof pk === 'string' ? [pk] : [];
  };
  const projected = (i: Input) =>
    i.ProjectionExpression ? { attributes: namesIn(i.ProjectionExpression, i.ExpressionAttributeNames), select: 'SPECIFIC_ATTRIBUTES' } : { select: 'ALL_ATTRIBUTES' };
  const item = (action: string, i: Input, key: unknown, named: string[]): IamRequest => ({
    action,
    resource: tableArn(String(i.TableName)),
    leadingKeys: leading(key),
    attributes: [...new Set([...keys(key), ...named])],
    ...(typeof i.ReturnValues === 'string' ? { returnValues: i.ReturnValues } : {}),
  });
  const write = (i: Input, kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck'): IamRequest => {
    const conditionNames = namesIn(i.ConditionExpression, i.ExpressionAttributeNames);
    if (kind === 'Put') return item('dynamodb:PutItem', i, { pk: (i.Item as Input).pk, sk: (i.Item as Input).sk }, [...keys(i.Item), ...conditionNames]);
    if (kind === 'Update') return item('dynamodb:UpdateItem', i, i.Key, [...namesIn(i.UpdateExpression, i.ExpressionAttributeNames), ...conditionNames]);
    if (kind === 'Delete') return item('dynamodb:DeleteItem', i, i.Key, conditionNames);
    return item('dynamodb:ConditionCheckItem', i, i.Key, conditionNames);
  };
  const i = c.input;
  switch (c.name) {
    case 'QueryCommand': {
      const base = tableArn(String(i.TableName));
      return [
        {
          action: 'dynamodb:Query',
          resource: i.IndexName ? `${base}/index/${String(i.IndexName)}` : base,
          leadingKeys: (partitionsOf(c) ?? []).map((k) => k.value),
          ...projected(i),
          ...(i.Select ? { select: String(i.Select) } : {}),
        },
      ];
    }
    case 'GetCommand':
      return [{ action: 'dynamodb:GetItem', resource: tableArn(String(i.TableName)), leadingKeys: leading(i.Key), ...projected(i) }];
    case 'BatchGetCommand':
      return Object.entries(i.RequestItems as Record<string, Input>).map(([name, r]) => ({
        action: 'dynamodb:BatchGetItem',
        resource: tableArn(name),
        leadingKeys: ((r.Keys ?? []) as unknown[]).flatMap(leading),
        ...projected(r),
      }));
    case 'BatchWriteCommand':
      // One request per table, checked against the keys of every item it puts or deletes.
      return Object.entries(i.RequestItems as Record<string, Input[]>).map(([name, requests]) => {
        const keysOf = requests.map((r) => ((r.PutRequest as Input | undefined)?.Item ?? (r.DeleteRequest as Input | undefined)?.Key) as Input);
        return {
          action: 'dynamodb:BatchWriteItem',
          resource: tableArn(name),
          leadingKeys: keysOf.flatMap((k) => leading({ pk: k?.pk })),
          attributes: [...new Set(keysOf.flatMap((k) => keys(k)))],
        };
      });
    case 'PutCommand':
      return [write(i, 'Put')];
    case 'UpdateCommand':
      return [write(i, 'Update')];
    case 'DeleteCommand':
      return [write(i, 'Delete')];
    case 'TransactWriteCommand':
      return ((i.TransactItems ?? []) as Record<string, Input>[]).map((t) => {
        const [kind, op] = Object.entries(t)[0] as ['Put' | 'Update' | 'Delete' | 'ConditionCheck', Input];
        return write(op, kind);
      });
    default:
      throw new Error(`The IAM check does not know ${c.name}`);
  }
}

const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
  );
const list = (v: string | string[]) => [v].flat();

/** The values of a condition key in a request (undefined: the request has none); a key the check does not model fails it. */
function valuesOf(key: string, r: IamRequest): string[] | undefined {
  const one = (v: string | undefined) => (v === undefined ? undefined : [v]);
  switch (key) {
    case 'dynamodb:LeadingKeys':
      return r.leadingKeys;
    case 'dynamodb:Attributes':
      return r.attributes;
    case 'dynamodb:Select':
      return one(r.select);
    case 'dynamodb:ReturnValues':
      return one(r.returnValues);
    default:
      throw new Error(`The IAM check does not know the condition key ${key}`);
  }
}

function conditionHolds(operator: string, key: string, expected: string | string[], r: IamRequest): boolean {
  const values = valuesOf(key, r);
  const like = (v: string) => list(expected).some((p) => glob(p).test(v));
  const equals = (v: string) => list(expected).includes(v);
  switch (operator) {
    // IAM: a ForAllValues condition on a key the request lacks holds.
    case 'ForAllValues:StringLike':
      return (values ?? []).every(like);
    case 'ForAllValues:StringEquals':
      return (values ?? []).every(equals);
    case 'StringEqualsIfExists':
      return values === undefined || values.every(equals);
    case 'StringEquals':
      return values !== undefined && values.length > 0 && values.every(equals);
    case 'StringLike':
      return values !== undefined && values.length > 0 && values.every(like);
    default:
      throw new Error(`The IAM check does not know the operator ${operator}`);
  }
}

/** Whether some statement allows the request (the policies have no Deny: one would fail the check). */
export function allowed(statements: readonly Statement[], r: IamRequest): boolean {
  return statements.some((s) => {
    if (s.Effect !== 'Allow') throw new Error(`The IAM check does not model ${s.Effect} (${s.Sid})`);
    if (!list(s.Action).some((a) => glob(a).test(r.action))) return false;
    if (!list(s.Resource as string | string[]).some((res) => typeof res === 'string' && glob(res).test(r.resource))) return false;
    return Object.entries(s.Condition ?? {}).every(([operator, keys]) => Object.entries(keys).every(([key, expected]) => conditionHolds(operator, key, expected, r)));
  });
}

/** What IAM is asked for by `commands`, sent to the tables named `tables.main` and `tables.audit` (here ARNs {@link TABLE_ARNS}). */
export function iamRequests(commands: readonly SentCommand[], tables: { main: string; audit: string }): IamRequest[] {
  const tableArn = (name: string) => (name === tables.main ? TABLE_ARNS.main : name === tables.audit ? TABLE_ARNS.audit : `unknown-table:${name}`);
  return commands.flatMap((c) => requestsOf(c, tableArn));
}

/** One request in a line: action, table (and index), leading keys, attributes. */
export const describeRequest = (r: IamRequest) =>
  `${r.action} ${r.resource.replace(/^.*:table\//, '')} ${r.leadingKeys.join(',')}${r.attributes ? ` [${r.attributes.join(',')}]` : ''}${r.returnValues ? ` ReturnValues=${r.returnValues}` : ''}`;

/** The requests among `commands` that no statement allows, described (an empty list: all allowed). */
export function deniedRequests(statements: readonly Statement[], commands: readonly SentCommand[], tables: { main: string; audit: string }): string[] {
  return [
    ...new Set(
      iamRequests(commands, tables)
        .filter((r) => !allowed(statements, r))
        .map(describeRequest),
    ),
  ];
}
