import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { acknowledge, acknowledgeWildcards } from '../nag.js';
import { Construct, type IConstruct } from 'constructs';

export interface WebProps {
  /** The API's domain (`<apiId>.execute-api.<region>.amazonaws.com`), served under `/api/*`. */
  readonly apiDomain: string;
  /**
   * Folder with the built SPA (`web/dist`). When undefined, no BucketDeployment is created: the
   * bucket and distribution still synthesize (so `cdk synth` and the template tests work before
   * `vite build` has run) and the next deploy with a built SPA uploads it.
   */
  readonly webAssetPath?: string;
  /**
   * A custom domain (`portal.example.org`) with its ACM certificate's ARN, which must be in
   * us-east-1 (CloudFront's region). Point the domain's DNS at the distribution (CNAME or alias).
   */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** The AWS WAF web ACL (CLOUDFRONT scope) in front of everything, when WAF is on. */
  readonly webAclArn?: string;
  /**
   * A header CloudFront adds to every request it sends to the API. The API refuses requests without
   * it, so the execute-api address cannot be used to go around CloudFront (and its WAF).
   */
  readonly originVerify?: { readonly header: string; readonly value: string };
}

/**
 * Rewrites SPA routes (`/returns/…`) to `/index.html` at the edge. Paths with a file extension and
 * anything under `/api/` pass through, so the API's own 404s and missing assets are not turned
 * into the HTML shell (which CloudFront error responses would do for every origin).
 */
const SPA_REWRITE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/api' || uri.startsWith('/api/')) return request;
  var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
  if (lastSegment.indexOf('.') !== -1) return request;
  request.uri = '/index.html';
  return request;
}`;

/**
 * Hosting for the SPA: a private bucket read by CloudFront through origin access control, the API
 * behind the same domain under `/api/*` (so no CORS and the session token never leaves the
 * origin), security headers on every response, and access logs.
 */
export class Web extends Construct {
  public readonly bucket: s3.Bucket;
  public readonly logsBucket: s3.Bucket;
  public readonly distribution: cloudfront.Distribution;
  public readonly securityHeaders: cloudfront.ResponseHeadersPolicy;
  /** Whether the built SPA is uploaded by this synthesis. */
  public readonly deploysAssets: boolean;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const region = Stack.of(this).region;

    // CloudFront standard logs are delivered with an ACL grant, so this bucket keeps ACLs enabled
    // (BUCKET_OWNER_PREFERRED); public access stays blocked.
    this.logsBucket = new s3.Bucket(this, 'LogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 's3-site/',
      // Rebuilt from web/dist on every deploy; retained so a stack deletion never fails on a
      // non-empty bucket.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const cognitoHosts = `https://*.auth.${region}.amazoncognito.com`;
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self' https://cognito-idp.${region}.amazonaws.com ${cognitoHosts}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      `form-action 'self' ${cognitoHosts}`,
      "frame-ancestors 'none'",
    ].join('; ');

    this.securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Partnership Reform Portal security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()', override: true }],
      },
    });

    const spaRewrite = new cloudfront.Function(this, 'SpaRewrite', {
      comment: 'Serve index.html for SPA routes',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(SPA_REWRITE),
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Partnership Reform Portal',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      ...(props.customDomain
        ? {
            domainNames: [props.customDomain.domainName],
            certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
          }
        : {}),
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.securityHeaders,
        compress: true,
        functionAssociations: [{ function: spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(props.apiDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            ...(props.originVerify ? { customHeaders: { [props.originVerify.header]: props.originVerify.value } } : {}),
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Forwards Authorization, query strings and cookies; Host must be the API's own.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.securityHeaders,
        },
      },
    });

    this.deploysAssets = props.webAssetPath !== undefined;
    if (props.webAssetPath !== undefined) {
      new s3deploy.BucketDeployment(this, 'DeploySite', {
        sources: [s3deploy.Source.asset(props.webAssetPath)],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });
      // The deployment's Lambda is a CDK-managed singleton at the stack root.
      for (const c of Stack.of(this).node.children) {
        if (c.node.id.startsWith('Custom::CDKBucketDeployment')) acknowledgeBucketDeployment(c);
      }
    }

    acknowledge(this.logsBucket, [
      {
        id: 'AwsSolutions-S1',
        reason: 'This is the access-log bucket itself; logging it into itself would loop.',
      },
    ]);
    acknowledge(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'The portal serves UK partnerships but staff travel and use VPNs; sign-in (Cognito) is the access control, not geography.',
      },
      ...(props.webAclArn
        ? []
        : [
            {
              id: 'AwsSolutions-CFR2',
              reason:
                'WAF was turned off for this deployment by context (waf=false), a cost decision recorded in the deployment; the API still checks a Cognito JWT at API Gateway and is throttled per stage.',
            },
          ]),
      ...(props.customDomain
        ? []
        : [
            {
              id: 'Annotation::@aws-cdk/aws-cloudfront:minimumProtocolVersionWithoutCertificate',
              reason:
                'TLS_V1_2_2021 is declared so it applies as soon as a custom domain certificate is added; with the default certificate CloudFront ignores it (see AwsSolutions-CFR4).',
            },
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'No custom domain was configured (context domainName and certificateArn), so the distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront sets; TLS_V1_2_2021 applies once a certificate is given.',
            },
          ]),
    ]);
  }
}

/** cdk-nag findings on the CDK-provided BucketDeployment Lambda, which this app does not write. */
function acknowledgeBucketDeployment(handler: IConstruct): void {
  acknowledge(handler, [
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The CDK BucketDeployment custom resource Lambda uses the AWS managed basic execution role for its own logs; it runs only during deployments.',
    },
    {
      id: 'AwsSolutions-L1',
      reason: 'The BucketDeployment Lambda runtime is chosen and upgraded by aws-cdk-lib, not by this app; it runs only during deployments.',
    },
    {
      id: 'Serverless-LambdaLatestVersion',
      reason: 'The BucketDeployment Lambda runtime is chosen and upgraded by aws-cdk-lib, not by this app; it runs only during deployments.',
    },
    {
      id: 'Serverless-LambdaDLQ',
      reason:
        'CloudFormation invokes the BucketDeployment custom resource and receives its failure directly (the deploy fails and rolls back); there is no asynchronous event to keep.',
    },
    {
      id: 'Serverless-LambdaTracing',
      reason: 'The CDK-provided BucketDeployment Lambda copies the SPA during deploys only; its logs and the CloudFormation events show what it did.',
    },
  ]);
  acknowledgeWildcards(handler, [
    {
      finding: /^Action::s3:(GetObject|GetBucket|List|DeleteObject|Abort)\*$/,
      reason: 'The CDK BucketDeployment grants (grantRead on the asset, grantReadWrite on the site bucket) use the S3 action groups; scoped to those two buckets.',
    },
    {
      finding: /^Resource::arn:(<AWS::Partition>|aws[a-z-]*):s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-.+\/\*$/,
      reason: 'The BucketDeployment reads the SPA zip from the CDK bootstrap assets bucket; asset keys are content hashes only known at deploy time.',
    },
    {
      finding: /^Resource::<WebSiteBucket[A-Z0-9]+\.Arn>\/\*$/,
      reason: 'The BucketDeployment replaces every object of the SPA bucket on deploy (prune), so it needs <bucket>/*.',
    },
    {
      finding: /^Resource::\*$/,
      reason: 'cloudfront:CreateInvalidation/GetInvalidation issued by the BucketDeployment after upload; CDK grants them on "*".',
    },
  ]);
}
