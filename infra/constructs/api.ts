import { Fn, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { platformKeys } from '../../functions/db/keys.js';
import { AUDIT_TABLE, MAIN_TABLE } from '../../functions/db/table-design.js';
import { acknowledge, acknowledgeWildcards } from '../nag.js';
import { Construct } from 'constructs';
import { PortalFunction } from './portal-function.js';
import { allowSendingFrom } from './send-mail.js';

export interface ApiProps {
  /** The TypeScript Lambda entry (`functions/lambda.ts` in the app). */
  readonly entry: string;
  /** Main single table: read/write. */
  readonly table: dynamodb.ITable;
  /** Audit table: PutItem and Query only, so the audit trail cannot be changed by the API. */
  readonly auditTable: dynamodb.ITable;
  /** Uploaded documents: get/put objects. */
  readonly documentsBucket: s3.IBucket;
  /** The partnership this deployment serves (`PARTNERSHIP_ID`). */
  readonly partnershipId: string;
  readonly userPoolId: string;
  /** Token issuer: `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  readonly issuerUrl: string;
  /** Hosted UI domain (no scheme), returned to the SPA by `/api/config`. */
  readonly hostedUiDomain: string;
  /** Sender of the portal's email (invitations, chases, changes to someone's access): an SES-verified identity. */
  readonly mailFrom: string;
  /** SES configuration set every email is sent with (bounces and complaints, `infra/constructs/mail-events.ts`). */
  readonly configurationSet?: string;
}

/** What the API learns once the distribution and its sign-in client exist (see {@link Api.connect}). */
export interface ApiConnection {
  /** The SPA's Cognito app client: the JWT authorizer's audience and the API's `COGNITO_CLIENT_ID`. */
  readonly userPoolClientId: string;
  /** The portal's address as people reach it, for links in email (`PORTAL_URL`). */
  readonly portalUrl: string;
  /** The header CloudFront adds; requests without it are refused (`ORIGIN_VERIFY_*`). */
  readonly originVerify?: { readonly header: string; readonly value: string };
}

/**
 * The keys the API may touch: partnerships' items, the list of hosted partnerships and the platform
 * administrators. Not the accounts' credentials (`PLATFORM#ACCOUNT#...`): only the local sign-in
 * reads them; in AWS, Cognito holds the passwords.
 */
export const API_LEADING_KEYS = ['P#*', platformKeys.partnerships, platformKeys.admins] as const;

/**
 * The API's DynamoDB permissions on the main table. TransactWriteItems has no IAM action of its own:
 * IAM checks each item's action (PutItem, UpdateItem, DeleteItem, ConditionCheckItem).
 */
export function mainTableStatements(table: dynamodb.ITable): iam.PolicyStatement[] {
  const leadingKeys = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...API_LEADING_KEYS] } };
  return [
    new iam.PolicyStatement({
      sid: 'MainTableRead',
      actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
      resources: [table.tableArn],
      conditions: leadingKeys,
    }),
    new iam.PolicyStatement({
      sid: 'MainTableQueryIndex',
      actions: ['dynamodb:Query'],
      resources: [`${table.tableArn}/index/${MAIN_TABLE.gsi1.name}`],
      conditions: leadingKeys,
    }),
    new iam.PolicyStatement({
      sid: 'MainTableWrite',
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
      resources: [table.tableArn],
      conditions: leadingKeys,
    }),
    // DeleteItem: a partnership creation that could not finish, taking back the items it wrote
    // (PlatformRepository.undoOps), and a return section's outcome indicator values when the agency
    // clears them (MeasureRepository.deleteValuesOp). The outbox and weekly digests are emptied by the mail jobs.
    new iam.PolicyStatement({
      sid: 'MainTableDelete',
      actions: ['dynamodb:DeleteItem'],
      resources: [table.tableArn],
      conditions: leadingKeys,
    }),
    // BatchWriteItem: the tracker's read model only (TrackerSummaryRepository.store, the views as
    // last worked out), never a partnership's records.
    new iam.PolicyStatement({
      sid: 'TrackerReadModelWrite',
      actions: ['dynamodb:BatchWriteItem'],
      resources: [table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['P#*#TRACKER'] } },
    }),
  ];
}

/** Routes that answer without a token. Everything else under `/api/` needs a Cognito JWT. */
const PUBLIC_ROUTES: ReadonlyArray<{ path: string; method: apigwv2.HttpMethod }> = [
  { path: '/api/health', method: apigwv2.HttpMethod.GET },
  { path: '/api/openapi.json', method: apigwv2.HttpMethod.GET },
  { path: '/api/config', method: apigwv2.HttpMethod.GET },
  { path: '/api/public/{proxy+}', method: apigwv2.HttpMethod.ANY },
  // The API reference page (Swagger UI) and its script and styles: it shows the public OpenAPI document.
  { path: '/api/docs', method: apigwv2.HttpMethod.GET },
  { path: '/api/docs/{proxy+}', method: apigwv2.HttpMethod.GET },
];

/**
 * The API: one Lambda (the Hono app) behind an HTTP API. API Gateway checks the Cognito JWT
 * (signature, issuer, audience, expiry) before the Lambda runs; the Lambda verifies it again and
 * applies the role rules.
 */
export class Api extends Construct {
  public readonly fn: PortalFunction;
  public readonly httpApi: apigwv2.HttpApi;
  public readonly stage: apigwv2.HttpStage;
  /** `<apiId>.execute-api.<region>.amazonaws.com`, for the CloudFront origin. */
  public readonly apiDomain: string;
  private readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.issuerUrl = props.issuerUrl;

    this.fn = new PortalFunction(this, 'Handler', {
      entry: props.entry,
      handler: 'handler',
      description: 'Partnership Reform Portal API (Hono)',
      environment: {
        PORTAL_MODE: 'aws',
        // Leads, signatories and administrators must have an authenticator (functions/auth/second-factor.ts).
        SECOND_FACTOR: 'required-for-roles',
        TABLE_NAME: props.table.tableName,
        AUDIT_TABLE_NAME: props.auditTable.tableName,
        PARTNERSHIP_ID: props.partnershipId,
        COGNITO_USER_POOL_ID: props.userPoolId,
        COGNITO_DOMAIN: props.hostedUiDomain,
        DOCUMENTS_BUCKET: props.documentsBucket.bucketName,
        MAIL_FROM: props.mailFrom,
        ...(props.configurationSet ? { SES_CONFIGURATION_SET: props.configurationSet } : {}),
      },
    });
    allowSendingFrom(this, this.fn, props.mailFrom, props.configurationSet);

    // The main table: exactly the actions the API sends (a test replays the API's recorded requests
    // against this policy: test/lambda/api-iam.test.ts), on the table and the one index it queries.
    // No Scan (no request path reads a whole table), no BatchWriteItem, no DescribeTable. Every key
    // the API touches is a partnership's (`P#{id}...`) or one of two of the service's own.
    for (const statement of mainTableStatements(props.table)) this.fn.addToRolePolicy(statement);
    // Deliberately not grantWriteData: the audit trail is append-only. TransactWriteItems needs
    // the per-item action (dynamodb:PutItem for a Put) on every table in the transaction, so this
    // is enough for writing an event in the same transaction as the change it records.
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'AuditAppendAndRead',
        actions: ['dynamodb:PutItem', 'dynamodb:Query'],
        resources: [props.auditTable.tableArn, ...[AUDIT_TABLE.gsi1, AUDIT_TABLE.gsi2].map((i) => `${props.auditTable.tableArn}/index/${i.name}`)],
      }),
    );
    // The one exception to append-only (UK GDPR erasure, functions/services/erasure-service.ts):
    // UpdateItem on the audit table, limited by IAM to the attributes that carry changed text
    // (AUDIT_TABLE.textAttributes) plus the key and the `erasedBy` stamp. Actor, time, action and entity
    // of an event cannot be changed, and nothing can be deleted (no DeleteItem or BatchWriteItem).
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'AuditEraseText',
        actions: ['dynamodb:UpdateItem'],
        resources: [props.auditTable.tableArn],
        conditions: {
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': [AUDIT_TABLE.partitionKey, AUDIT_TABLE.sortKey, ...AUDIT_TABLE.textAttributes, AUDIT_TABLE.erasedBy] },
          StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
        },
      }),
    );
    // Documents: read and write objects (no delete: uploaded versions are kept). ListBucket makes
    // a missing key a 404 (NoSuchKey) rather than a 403.
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'DocumentsReadWrite',
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [props.documentsBucket.arnForObjects('*')],
      }),
    );
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'DocumentsList',
        actions: ['s3:ListBucket'],
        resources: [props.documentsBucket.bucketArn],
      }),
    );

    // People administration (functions/auth/directory.ts): invite, keep groups and attributes in
    // step with the portal's record, disable and sign out. This user pool only.
    const { region, account } = Stack.of(this);
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ManageThePortalsUsers',
        actions: [
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminUpdateUserAttributes',
          'cognito-idp:AdminDeleteUserAttributes',
          'cognito-idp:AdminListGroupsForUser',
          'cognito-idp:AdminAddUserToGroup',
          'cognito-idp:AdminRemoveUserFromGroup',
          'cognito-idp:AdminDisableUser',
          'cognito-idp:AdminEnableUser',
          'cognito-idp:AdminUserGlobalSignOut',
          // Whether someone has an authenticator (leads, signatories and administrators must).
          'cognito-idp:AdminGetUser',
        ],
        resources: [`arn:aws:cognito-idp:${region}:${account}:userpool/${props.userPoolId}`],
      }),
    );

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Partnership Reform Portal API',
      // A stage is added below with throttling and access logs (HttpApi's own default stage
      // cannot take either).
      createDefaultStage: false,
    });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sub: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });

    this.apiDomain = Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));

    acknowledgeWildcards(this, [
      {
        finding: /^Resource::.*DocumentsBucket.*\/\*$/,
        reason:
          'Object-level access (GetObject/PutObject) to the documents bucket must name objects with <bucket>/*: keys are generated per upload. Limited to this one bucket and to get/put.',
      },
    ]);
  }

  /**
   * Adds the routes (the JWT authorizer trusts the SPA's client) and the settings that exist only
   * once the distribution does. The distribution depends on the HTTP API resource alone, the client
   * on the distribution, and the routes on the client: no loop.
   */
  connect(c: ApiConnection): void {
    this.fn.addEnvironment('COGNITO_CLIENT_ID', c.userPoolClientId);
    this.fn.addEnvironment('PORTAL_URL', c.portalUrl);
    if (c.originVerify) {
      this.fn.addEnvironment('ORIGIN_VERIFY_HEADER', c.originVerify.header);
      this.fn.addEnvironment('ORIGIN_VERIFY_SECRET', c.originVerify.value);
    }
    const integration = new HttpLambdaIntegration('Lambda', this.fn);
    const jwt = new HttpJwtAuthorizer('CognitoJwt', this.issuerUrl, {
      authorizerName: 'cognito-jwt',
      jwtAudience: [c.userPoolClientId],
    });
    this.httpApi.addRoutes({
      path: '/api/{proxy+}',
      methods: [apigwv2.HttpMethod.ANY],
      integration,
      authorizer: jwt,
    });
    const none = new apigwv2.HttpNoneAuthorizer();
    for (const r of PUBLIC_ROUTES) {
      this.httpApi.addRoutes({ path: r.path, methods: [r.method], integration, authorizer: none });
    }
    for (const r of PUBLIC_ROUTES) {
      const route = this.httpApi.node.tryFindChild(`${r.method}${r.path}`);
      if (route) {
        acknowledge(route, [
          {
            id: 'AwsSolutions-APIG4',
            reason: `${r.method} ${r.path} is public by design (health check, OpenAPI document, API reference page and its Swagger UI script and styles, sign-in configuration for the SPA, or the public Kinship Local Offer); it exposes no personal data.`,
          },
        ]);
      }
    }
  }
}
