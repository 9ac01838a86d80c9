import { Aws, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

/** The portal's roles. Each user belongs to exactly one group; the API reads `cognito:groups`. */
export const PORTAL_GROUPS = ['lead', 'executive', 'partner'] as const;

export interface UserDirectoryProps {
  /**
   * Prefix of the Cognito hosted UI domain: `<prefix>.auth.<region>.amazoncognito.com`. Domain
   * prefixes are shared by every AWS account in a region, so the default is derived from this
   * stack's own id (`portal-<12 hex digits>`), which no other stack has.
   */
  readonly domainPrefix?: string;
  /**
   * Cognito threat protection (the Plus feature plan: compromised-credential checks and adaptive
   * sign-in risk, enforced). About US$0.02 a monthly active user with no free tier, so off by
   * default (context `threatProtection=true`).
   */
  readonly threatProtection?: boolean;
}

/**
 * Every account of the portal: the Cognito user pool (no self sign-up: people are invited), its
 * groups and its hosted sign-in domain. It lives in the stateful stack: retained, deletion
 * protection on, and never replaced by a deploy of the stateless stack (a new pool would lose
 * every password and enrolled authenticator).
 */
export class UserDirectory extends Construct {
  public readonly userPool: cognito.UserPool;
  public readonly domain: cognito.UserPoolDomain;
  /** The hosted UI domain prefix actually used (a token when derived). */
  public readonly domainPrefix: string;
  /** `<prefix>.auth.<region>.amazoncognito.com` (no scheme). */
  public readonly hostedUiDomain: string;
  /** The token issuer the API's JWT authorizer trusts. */
  public readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: UserDirectoryProps = {}) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        // The agency a partner user acts for (e.g. `police`, `icb`); empty for the lead/executive.
        agency: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        // Cognito has no typed custom boolean: `"true"` / `"false"`.
        signatory: new cognito.StringAttribute({ minLen: 4, maxLen: 5, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: props.threatProtection ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(props.threatProtection ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      // The pool holds every user account: never deleted by CloudFormation.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const [i, groupName] of PORTAL_GROUPS.entries()) {
      new cognito.UserPoolGroup(this, `Group-${groupName}`, {
        userPool: this.userPool,
        groupName,
        precedence: i,
        description: `Portal role: ${groupName}`,
      });
    }

    // arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>: the uuid's last group.
    this.domainPrefix = props.domainPrefix ?? `portal-${Fn.select(4, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))))}`;
    this.domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: this.domainPrefix } });
    const region = Stack.of(this).region;
    this.hostedUiDomain = `${this.domainPrefix}.auth.${region}.amazoncognito.com`;
    this.issuerUrl = `https://cognito-idp.${region}.amazonaws.com/${this.userPool.userPoolId}`;

    acknowledge(this.userPool, [
      {
        id: 'AwsSolutions-COG2',
        reason:
          'Cognito can only require MFA for a whole pool. The pool offers TOTP to everyone (OPTIONAL: once enrolled, every sign-in asks for it); the portal requires it for the roles that sign off or administer (see README, Deploy to AWS).',
      },
      ...(props.threatProtection
        ? []
        : [
            {
              id: 'AwsSolutions-COG8',
              reason:
                'Threat protection needs the Plus feature plan (about US$0.02 per monthly active user, no free tier); it is one context switch (threatProtection=true). The pool has no self sign-up, a 12-character password policy and TOTP.',
            },
          ]),
    ]);
  }
}

export interface WebClientProps {
  readonly userPool: cognito.IUserPool;
  /**
   * The addresses people reach the portal at (`https://portal.example.org`, no trailing slash):
   * the CloudFront domain and the custom domain when there is one. Each gets a callback
   * (`/auth/callback`) and a sign-out URL.
   */
  readonly origins: readonly string[];
}

/**
 * The SPA's sign-in client: public (no secret), authorization code grant with PKCE. It lives in the
 * stateless stack beside the distribution, so its callback is the distribution's own address on
 * the first deploy (the distribution depends only on the HTTP API resource, not on its routes or
 * authorizer, so there is no dependency loop).
 */
export class WebClient extends Construct {
  public readonly client: cognito.UserPoolClient;

  constructor(scope: Construct, id: string, props: WebClientProps) {
    super(scope, id);
    const readAttributes = new cognito.ClientAttributes().withStandardAttributes({ email: true, emailVerified: true, fullname: true }).withCustomAttributes('agency', 'signatory');
    // Users may change their own name only. `agency` and `signatory` decide what a user may do,
    // so only an administrator (AdminUpdateUserAttributes) can set them: they are not writable
    // through this client (by default every mutable attribute would be).
    const writeAttributes = new cognito.ClientAttributes().withStandardAttributes({ fullname: true });

    this.client = new cognito.UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      // A browser app cannot keep a secret: public client, code grant + PKCE (Cognito enforces
      // PKCE whenever the client sends a code_challenge; the SPA always does).
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        // COGNITO_ADMIN (aws.cognito.signin.user.admin): the SPA sets up the person's own
        // authenticator with their access token (AssociateSoftwareToken, VerifySoftwareToken,
        // SetUserMFAPreference); it grants nothing over anyone else.
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE, cognito.OAuthScope.COGNITO_ADMIN],
        callbackUrls: props.origins.map((o) => `${o}/auth/callback`),
        logoutUrls: props.origins.map((o) => `${o}/`),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      readAttributes,
      writeAttributes,
    });
  }
}
